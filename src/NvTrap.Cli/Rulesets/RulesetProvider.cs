using System;
using System.Collections.Generic;
using System.IO;
using NvTrap.Cli.CommandLine;

namespace NvTrap.Cli.Rulesets;

/// <summary>
/// Hands commands their ruleset: a built-in one (the default, or the one <c>--ruleset</c> names)
/// or the one <c>--rules</c> names, compiled once per run even when both the command-line setup
/// and the command need it.
/// </summary>
internal sealed class RulesetProvider
{
    private readonly Dictionary<string, RulesetHandle> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RulesetHandle> _builtIn = new(StringComparer.Ordinal);

    /// <summary>The ruleset, or null after reporting why it could not be loaded.</summary>
    public RulesetHandle? Get(RulesetSelection selection, TextWriter errors, out int exitCode)
    {
        if (!TryResolve(selection, errors, out var builtIn, out exitCode))
        {
            return null;
        }

        return builtIn is null ? Load(selection.Path!, errors, out exitCode) : BuiltIn(builtIn);
    }

    /// <summary>
    /// What a selection names: the built-in ruleset (the one <c>--ruleset</c> names, or the default
    /// when neither option is given), or null for the rule files at <see cref="RulesetSelection.Path"/>.
    /// False, after reporting a usage error, when both options are given or the name is no built-in ruleset.
    /// </summary>
    public static bool TryResolve(RulesetSelection selection, TextWriter errors, out BuiltInRuleset? builtIn, out int exitCode)
    {
        builtIn = null;
        exitCode = ExitCodes.Ok;
        if (selection.Path is not null && selection.Name is not null)
        {
            errors.WriteLine($"nvtrap: --rules {selection.Path} and --ruleset {selection.Name} both name a ruleset; give one of them.");
            exitCode = ExitCodes.Usage;
            return false;
        }

        if (selection.Path is not null)
        {
            return true;
        }

        builtIn = selection.Name is { } name ? BuiltInRulesets.Find(name) : BuiltInRulesets.Default;
        if (builtIn is null)
        {
            errors.WriteLine($"nvtrap: there is no built-in ruleset '{selection.Name}'; the built-in rulesets are {BuiltInRulesets.Names} ('nvtrap rulesets' lists them), and --rules PATH compiles your own.");
            exitCode = ExitCodes.Usage;
            return false;
        }

        return true;
    }

    /// <summary>
    /// A built-in ruleset by name, or the ruleset compiled from a path: for commands such as
    /// <c>diff</c> whose arguments may be either. A name wins over a path of the same spelling.
    /// </summary>
    public RulesetHandle? GetByNameOrPath(string nameOrPath, TextWriter errors, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        if (BuiltInRulesets.Find(nameOrPath) is { } builtIn)
        {
            return BuiltIn(builtIn);
        }

        if (!File.Exists(nameOrPath) && !Directory.Exists(nameOrPath))
        {
            errors.WriteLine($"nvtrap: '{nameOrPath}' is neither a built-in ruleset ({BuiltInRulesets.Names}) nor a rule file or folder.");
            exitCode = ExitCodes.Usage;
            return null;
        }

        return Load(nameOrPath, errors, out exitCode);
    }

    public RulesetHandle BuiltIn(BuiltInRuleset builtIn)
    {
        if (!_builtIn.TryGetValue(builtIn.Name, out var handle))
        {
            handle = builtIn.Create();
            _builtIn.Add(builtIn.Name, handle);
        }

        return handle;
    }

    private RulesetHandle? Load(string rulesPath, TextWriter errors, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
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
}
