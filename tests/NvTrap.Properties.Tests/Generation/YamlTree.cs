namespace NvTrap.Properties.Tests.Generation;

/// <summary>What a scalar holds, which decides the ways it may be written.</summary>
internal enum ScalarKind
{
    /// <summary>An integer or a keyword (read, set, true, 0..31): the compiler wants these plain.</summary>
    Plain,

    /// <summary>A name: plain, single- or double-quoted (with escapes) all read the same.</summary>
    Name,

    /// <summary>An expression: quoted, or a block scalar where one fits.</summary>
    Text,

    /// <summary>A bit reference such as G[3]: always quoted (a flow context cannot hold '[' plainly).</summary>
    Quoted,
}

/// <summary>A YAML node of a generated document, before a style is chosen for it.</summary>
internal abstract record YamlTree;

internal sealed record YamlText(string Value, ScalarKind Kind) : YamlTree;

internal sealed record YamlMap(List<(YamlText Key, YamlTree Value)> Entries) : YamlTree
{
    public YamlMap()
        : this(new List<(YamlText, YamlTree)>())
    {
    }

    public YamlMap Add(string key, YamlTree value)
    {
        Entries.Add((new YamlText(key, ScalarKind.Name), value));
        return this;
    }

    public YamlMap Add(string key, string plain) => Add(key, new YamlText(plain, ScalarKind.Plain));
}

internal sealed record YamlList(List<YamlTree> Items) : YamlTree
{
    public YamlList()
        : this(new List<YamlTree>())
    {
    }

    public YamlList Add(YamlTree item)
    {
        Items.Add(item);
        return this;
    }
}
