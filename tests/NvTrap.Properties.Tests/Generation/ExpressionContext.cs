namespace NvTrap.Properties.Tests.Generation;

/// <summary>What an expression may read where it is written: conditions read the access's encoding, families their index variable, the rest neither.</summary>
internal sealed record ExpressionContext(IReadOnlyList<RegisterModel> Registers, IReadOnlyList<string> Parameters, bool EncodingFields, string? Variable)
{
    /// <summary>A family's encoding field: only the variable (and literals) may be read.</summary>
    public static ExpressionContext Family(string variable) => new(Array.Empty<RegisterModel>(), Array.Empty<string>(), false, variable);
}
