namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// A broken promise of the contract. <see cref="Kind"/> names its class (what broke and the
/// diagnostic or exception involved) so a long run can count failures by class and keep a few
/// examples of each instead of stopping at the first.
/// </summary>
internal sealed class PropertyFailure : Exception
{
    public PropertyFailure(string kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public string Kind { get; }
}
