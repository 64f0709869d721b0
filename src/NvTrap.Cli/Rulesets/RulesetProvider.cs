using System;
using System.Collections.Generic;
using System.IO;
using NvTrap.Cli.CommandLine;

namespace NvTrap.Cli.Rulesets;

/// <summary>
/// Hands commands their ruleset: the built-in one, or the one <c>--rules</c> names, compiled
/// once per run even when both the command-line setup and the command need it.
/// </summary>
internal sealed class RulesetProvider
{
    private readonly Dictionary<string, RulesetHandle> _compiled = new(StringComparer.Ordinal);
    private RulesetHandle? _builtIn;

    /// <summary>The ruleset, or null after reporting why it could not be loaded.</summary>
    public RulesetHandle? Get(string? rulesPath, TextWriter errors, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        if (rulesPath is null)
        {
            return _builtIn ??= BuiltInRuleset.Create();
        }

        if (_compiled.TryGetValue(rulesPath, out var cached))
        {
            return cached;
        }

        var loaded = RulesetLoader.Load(rulesPath, errors, out exitCode);
        if (loaded is not null)
        {
            _compiled.Add(rulesPath, loaded);
        }

        return loaded;
    }

    /// <summary>
    /// A built-in ruleset by name, or the ruleset compiled from a path: for commands such as
    /// <c>diff</c> whose arguments may be either. A name wins over a path of the same spelling.
    /// </summary>
    public RulesetHandle? GetByNameOrPath(string nameOrPath, TextWriter errors, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        if (nameOrPath == BuiltInRuleset.Name)
        {
            return _builtIn ??= BuiltInRuleset.Create();
        }

        if (!File.Exists(nameOrPath) && !Directory.Exists(nameOrPath))
        {
            errors.WriteLine($"nvtrap: '{nameOrPath}' is neither a built-in ruleset ({BuiltInRuleset.Name}) nor a rule file or folder.");
            exitCode = ExitCodes.Usage;
            return null;
        }

        return Get(nameOrPath, errors, out exitCode);
    }
}
