using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NvTrap.Cli.Input;
using NvTrap.Compiler.Diagnostics;

namespace NvTrap.Cli.Severity;

/// <summary>A <c>--severity ID=LEVEL</c> of the command line; a null level is <c>default</c>.</summary>
internal sealed record SeverityOverride(RuleDiagnosticDescriptor Descriptor, DiagnosticLevel? Level);

/// <summary>
/// The level each diagnostic of <c>nvtrap check</c> is reported at, from the same configuration
/// the build uses for the generator's diagnostics in rule files, plus the command line.
///
/// What the build does (found by real builds; see docs/configuration.md): diagnostics located in
/// rule files take <c>dotnet_diagnostic.NVT0xx.severity</c> from global config only — a
/// <c>.globalconfig</c> file, or any config file with <c>is_global</c> — merged across files (the
/// highest <c>global_level</c> wins; the same key at the same level in two files is unset).
/// Sections of <c>.editorconfig</c> files, and path sections of global configs, apply to C# files
/// only. The bulk keys (<c>dotnet_analyzer_diagnostic.*</c>) do not apply to a generator's
/// diagnostics. Errors keep their level (NotConfigurable). The config files are those in the rule
/// files' folders and their parents (the NvTrap package adds the same files to the build).
///
/// Settings the build ignores are ignored here too, each with a note saying why, so a person who
/// wrote one in the wrong place learns it from <c>nvtrap check</c>.
/// </summary>
internal sealed class SeverityConfiguration
{
    private const string KeyPrefix = "dotnet_diagnostic.";
    private const string KeySuffix = ".severity";

    /// <summary>Config files larger than this are not read (a real one is a few KiB).</summary>
    private const long MaxConfigBytes = 1 << 20;

    private readonly Dictionary<string, DiagnosticLevel> _levels;

    private SeverityConfiguration(Dictionary<string, DiagnosticLevel> levels, List<string> notes, List<string> files)
    {
        _levels = levels;
        Notes = notes;
        Files = files;
    }

    /// <summary>Things configured that take no effect, and why; for standard error.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Every config file read, in the order read.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The level a diagnostic is reported at.</summary>
    public DiagnosticLevel LevelOf(RuleDiagnostic diagnostic)
    {
        var descriptor = DiagnosticIds.Find(diagnostic.Id);
        var level = diagnostic.IsError ? DiagnosticLevel.Error : DiagnosticLevel.Warning;
        return descriptor is not null && DiagnosticLevels.IsConfigurable(descriptor) && _levels.TryGetValue(descriptor.Id, out var configured)
            ? configured
            : level;
    }

    /// <summary>Reads the config files that apply to <paramref name="ruleFiles"/>, then applies <paramref name="overrides"/> over them.</summary>
    public static SeverityConfiguration Load(IReadOnlyList<string> ruleFiles, IReadOnlyList<SeverityOverride> overrides)
    {
        var notes = new List<string>();
        var parsed = new Dictionary<string, AnalyzerConfigFile?>(StringComparer.Ordinal);
        var read = new List<string>();
        var editorConfigsOf = new List<(string RuleFile, List<AnalyzerConfigFile> Chain)>();
        foreach (string ruleFile in ruleFiles)
        {
            var chain = new List<AnalyzerConfigFile>();
            bool rootSeen = false;
            for (var folder = new FileInfo(ruleFile).Directory; folder is not null; folder = folder.Parent)
            {
                foreach (string name in new[] { AnalyzerConfigFile.EditorConfigName, AnalyzerConfigFile.GlobalConfigName })
                {
                    string path = Path.Combine(folder.FullName, name);
                    if (!parsed.TryGetValue(path, out var config))
                    {
                        config = File.Exists(path) ? Read(path, notes) : null;
                        parsed[path] = config;
                        if (config is not null)
                        {
                            read.Add(path);
                        }
                    }

                    if (config is not null && !config.IsGlobal && !rootSeen)
                    {
                        chain.Add(config);
                        rootSeen = config.IsRoot;
                    }
                }
            }

            editorConfigsOf.Add((ruleFile, chain));
        }

        var configs = parsed.Values.OfType<AnalyzerConfigFile>().OrderBy(c => c.Directory.Length).ToList();
        var levels = new Dictionary<string, DiagnosticLevel>(StringComparer.Ordinal);
        foreach (var (key, setting) in MergeGlobals(configs.Where(c => c.IsGlobal), notes).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (SeverityKey(key) is not { } id)
            {
                continue;
            }

            string where = $"{setting.Path}: dotnet_diagnostic.{id.ToUpperInvariant()}.severity = {setting.Value}";
            var descriptor = DiagnosticIds.Find(id);
            if (descriptor is null)
            {
                if (!IsNvTrapId(id))
                {
                    // Another analyzer's setting.
                    continue;
                }

                notes.Add($"{where}: there is no diagnostic {id.ToUpperInvariant()} (the ids are {DiagnosticIds.Range}).");
                continue;
            }

            if (!DiagnosticLevels.TryParse(setting.Value, out var level))
            {
                notes.Add($"{where}: not a severity, so it is ignored, as the build ignores it (warning InvalidSeverityInAnalyzerConfig); the severities are {DiagnosticLevels.Names}.");
                continue;
            }

            if (!DiagnosticLevels.IsConfigurable(descriptor))
            {
                if (level is not null and not DiagnosticLevel.Error)
                {
                    notes.Add($"{where}: ignored, by the build too: {descriptor.Id} is an error, and for a ruleset with an error the build emits only a stand-in that configures no trap, so errors cannot be lowered. Only warnings can be configured ({DiagnosticIds.Configurable}).");
                }

                continue;
            }

            if (level is { } value)
            {
                levels[descriptor.Id] = value;
            }
            else
            {
                levels.Remove(descriptor.Id);
            }
        }

        foreach (var config in configs.Where(c => c.IsGlobal))
        {
            foreach (var section in config.Sections)
            {
                foreach (string id in section.Properties.Keys.Select(SeverityKey).OfType<string>().Where(IsNvTrapId))
                {
                    notes.Add($"{config.Path}: [{section.Name}] sets dotnet_diagnostic.{id.ToUpperInvariant()}.severity, which is ignored, by the build too: a global config's path sections apply to C# files only, not to rule files. Set it in the global section, above the first [section].");
                }
            }
        }

        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ruleFile, chain) in editorConfigsOf)
        {
            string full = Path.GetFullPath(ruleFile).Replace('\\', '/');
            foreach (var config in chain)
            {
                foreach (string id in config.GlobalSection.Keys.Select(SeverityKey).OfType<string>().Where(IsNvTrapId))
                {
                    if (told.Add($"{config.Path}\n\n{id}"))
                    {
                        notes.Add($"{config.Path}: dotnet_diagnostic.{id.ToUpperInvariant()}.severity is set above the first [section] of a config file that is not a global config, where it applies to nothing, in the build too. Add 'is_global = true' at its top, or move it to a .globalconfig.");
                    }
                }

                string folder = config.Directory.Replace('\\', '/').TrimEnd('/');
                string relative = full[folder.Length..];
                foreach (var section in config.Sections)
                {
                    var ids = section.Properties.Keys.Select(SeverityKey).OfType<string>().Where(IsNvTrapId).ToList();
                    if (ids.Count == 0 || SectionGlob.TryCreate(section.Name) is not { } glob || !glob.IsMatch(relative))
                    {
                        continue;
                    }

                    foreach (string id in ids)
                    {
                        if (told.Add($"{config.Path}\n{section.Name}\n{id}"))
                        {
                            notes.Add($"{config.Path}: [{section.Name}] sets dotnet_diagnostic.{id.ToUpperInvariant()}.severity for {ruleFile}, which is ignored, by the build too: Roslyn applies .editorconfig sections to C# files only, not to rule files (AdditionalFiles). Set it in a .globalconfig instead.");
                        }
                    }
                }
            }
        }

        foreach (var setting in overrides)
        {
            if (setting.Level is { } value)
            {
                levels[setting.Descriptor.Id] = value;
            }
            else
            {
                levels.Remove(setting.Descriptor.Id);
            }
        }

        return new SeverityConfiguration(levels, notes, read);
    }

    private static AnalyzerConfigFile? Read(string path, List<string> notes)
    {
        string? text = BoundedFile.TryReadText(path, MaxConfigBytes, out string? problem, out _);
        if (text is null)
        {
            notes.Add($"{path}: not read ({problem}); its settings are not applied.");
            return null;
        }

        return AnalyzerConfigFile.Parse(text, path);
    }

    /// <summary>The id in a key <c>dotnet_diagnostic.ID.severity</c> (keys are lower case), or null.</summary>
    private static string? SeverityKey(string key) =>
        key.Length > KeyPrefix.Length + KeySuffix.Length && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.EndsWith(KeySuffix, StringComparison.Ordinal)
            ? key[KeyPrefix.Length..^KeySuffix.Length]
            : null;

    private static bool IsNvTrapId(string id) => id.StartsWith("nvt", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The global sections of the global configs merged as Roslyn merges them: a key set by one
    /// file keeps its value; set by several, the highest level wins, and at the same level it is
    /// unset (the build warns MultipleGlobalAnalyzerKeys; here a note says so for NvTrap's keys).
    /// </summary>
    private static Dictionary<string, (string Value, string Path)> MergeGlobals(IEnumerable<AnalyzerConfigFile> globals, List<string> notes)
    {
        var values = new Dictionary<string, (string Value, string Path, int Level)>(StringComparer.OrdinalIgnoreCase);
        var duplicates = new Dictionary<string, (int Level, List<string> Paths)>(StringComparer.OrdinalIgnoreCase);
        foreach (var config in globals)
        {
            int level = config.GlobalLevel;
            foreach (var (key, value) in config.GlobalSection)
            {
                if (key is "is_global" or "global_level")
                {
                    continue;
                }

                bool present = values.TryGetValue(key, out var current);
                bool duplicated = !present && duplicates.TryGetValue(key, out _);
                if (!present && !duplicated)
                {
                    values[key] = (value, config.Path, level);
                    continue;
                }

                int currentLevel = present ? current.Level : duplicates[key].Level;
                if (currentLevel < level)
                {
                    values[key] = (value, config.Path, level);
                    duplicates.Remove(key);
                }
                else if (currentLevel == level)
                {
                    if (!duplicates.TryGetValue(key, out var entry))
                    {
                        entry = (level, new List<string>());
                        duplicates[key] = entry;
                    }

                    entry.Paths.Add(config.Path);
                    if (present)
                    {
                        values.Remove(key);
                        entry.Paths.Insert(0, current.Path);
                    }
                }
            }
        }

        foreach (var (key, (level, paths)) in duplicates.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (SeverityKey(key) is { } id && IsNvTrapId(id))
            {
                notes.Add($"dotnet_diagnostic.{id.ToUpperInvariant()}.severity is set by more than one global config at global_level {level} ({string.Join(", ", paths)}), so it is unset, as the build unsets it (warning MultipleGlobalAnalyzerKeys). Keep it in one file, or give one file a higher global_level.");
            }
        }

        return values.ToDictionary(p => p.Key, p => (p.Value.Value, p.Value.Path), StringComparer.OrdinalIgnoreCase);
    }
}
