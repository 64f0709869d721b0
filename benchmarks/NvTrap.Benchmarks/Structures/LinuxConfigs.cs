namespace NvTrap.Benchmarks.Structures;

/// <summary>
/// The generated ruleset's packed configs, read back through its own lookup for every encoding,
/// so the alternative structures hold exactly the values the perfect hash holds.
/// </summary>
internal static class LinuxConfigs
{
    /// <summary>All 65,536 configs, 0 where the encoding is not configured.</summary>
    public static ulong[] All()
    {
        var configs = new ulong[ushort.MaxValue + 1];
        for (int encoding = 0; encoding <= ushort.MaxValue; encoding++)
        {
            configs[encoding] = Linux66Traps.LookupConfig(new SysRegEncoding((ushort)encoding));
        }

        return configs;
    }

    /// <summary>Only the configured encodings and their configs.</summary>
    public static IEnumerable<KeyValuePair<ushort, ulong>> Configured()
    {
        var all = All();
        for (int encoding = 0; encoding <= ushort.MaxValue; encoding++)
        {
            if (all[encoding] != 0)
            {
                yield return new KeyValuePair<ushort, ulong>((ushort)encoding, all[encoding]);
            }
        }
    }
}
