using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NvTrap.Generator.Tests.Infrastructure;

/// <summary>An AdditionalFile held in memory, as the IDE or build hands one to the generator.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText? _text;

    public InMemoryAdditionalText(string path, string? text)
    {
        Path = path;
        _text = text is null ? null : SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>An AdditionalFile whose read fails, to prove the generator reports instead of throwing.</summary>
internal sealed class ThrowingAdditionalText : AdditionalText
{
    public ThrowingAdditionalText(string path) => Path = path;

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => throw new IOException("disk on fire");
}
