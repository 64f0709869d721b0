using System.Collections.Generic;
using System.IO;
using System.Linq;
using NvTrap.Cli.Rulesets;
using NvTrap.Compiler.Diagnostics;
using NvTrap.Compiler.Profiles;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Cli.Input;

/// <summary>
/// <c>--vm FILE</c>: a VM profile (hidden fine-grained bits, reserved bits, parameters) read
/// against the ruleset in use and applied to its defaults. Problems are printed located, as
/// <c>check</c> prints rule diagnostics.
/// </summary>
internal static class VmProfileFile
{
    public static bool TryRead(string path, RulesetHandle ruleset, TextWriter errors, string command, out VmProfile profile)
    {
        profile = ruleset.DefaultVm();
        string? text = BoundedFile.TryReadText(path, YamlLimits.Default.MaxChars, out string? problem, out _);
        if (text is null)
        {
            errors.WriteLine($"nvtrap {command}: --vm {path}: {problem}.");
            return false;
        }

        var diagnostics = new List<RuleDiagnostic>();
        var settings = VmProfileReader.Read(path, text, Schema(ruleset), diagnostics);
        CommandLine.DiagnosticOutput.Write(errors, diagnostics);

        if (settings is null)
        {
            errors.WriteLine($"nvtrap {command}: the VM profile {path} has {CommandLine.Plural.Of(diagnostics.Count(d => d.IsError), "error")}; fix it and run again.");
            return false;
        }

        foreach (var hidden in settings.HiddenBits)
        {
            profile.SetHiddenBits(hidden.FineGrainedGroup, hidden.Bits);
        }

        foreach (var reserved in settings.ReservedBits)
        {
            profile.SetReserved(reserved.Register, reserved.Res0 ?? profile.Res0(reserved.Register), reserved.Res1 ?? profile.Res1(reserved.Register));
        }

        foreach (var parameter in settings.Parameters)
        {
            profile.SetParameter(parameter.Parameter, parameter.Value);
        }

        return true;
    }

    private static VmProfileSchema Schema(RulesetHandle ruleset)
    {
        var names = ruleset.Names;
        return new VmProfileSchema(
            names.RulesetName,
            Enumerable.Range(1, names.FineGrainedGroupCount).Select(names.FineGrainedGroupName).ToList(),
            ruleset.RegisterNames,
            ruleset.SanitisedRegisters,
            Enumerable.Range(0, names.ParameterCount).Select(i => new ProfileParameter(names.ParameterName(i), names.ParameterRange(i).Min, names.ParameterRange(i).Max)).ToList());
    }
}
