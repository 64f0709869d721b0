using NvTrap.Testing;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>A random VM profile applied alike to the generated code's and the interpreter's defaults.</summary>
internal static class RandomVmProfile
{
    /// <summary>
    /// Draws a VM profile and applies it to both, by the ruleset's numbering (the interpreter
    /// numbers registers and groups as the generated code does, which <see cref="RulesAgreement"/>
    /// checks): each fine-grained group hides random bits, each sanitised register gets random
    /// disjoint RES0 and RES1 masks, each parameter a value within its declared range; each with a
    /// chance of keeping its default. Returns the profile as text.
    /// </summary>
    public static string Draw(Random random, RulesetNames names, ref VmProfile generated, ref VmProfile interpreted)
    {
        var text = new List<string>();
        for (int group = 1; group <= names.FineGrainedGroupCount; group++)
        {
            if (random.Next(4) != 0)
            {
                ulong hidden = RandomRegisters.Next(random);
                generated.SetHiddenBits(group, hidden);
                interpreted.SetHiddenBits(group, hidden);
                text.Add($"hide {names.FineGrainedGroupName(group)}=0x{hidden:X}");
            }
        }

        for (int register = 0; register < names.RegisterCount; register++)
        {
            Assert.Equal(generated.IsSanitised(register), interpreted.IsSanitised(register));
            if (generated.IsSanitised(register) && random.Next(4) != 0)
            {
                ulong res0 = RandomRegisters.Next(random);
                ulong res1 = RandomRegisters.Next(random) & ~res0;
                generated.SetReserved(register, res0, res1);
                interpreted.SetReserved(register, res0, res1);
                text.Add($"{names.RegisterName(register)} res0=0x{res0:X} res1=0x{res1:X}");
            }
        }

        for (int parameter = 0; parameter < names.ParameterCount; parameter++)
        {
            if (random.Next(4) != 0)
            {
                var (min, max) = names.ParameterRange(parameter);
                ulong value = min + (ulong)random.NextInt64((long)(max - min + 1));
                generated.SetParameter(parameter, value);
                interpreted.SetParameter(parameter, value);
                text.Add($"{names.ParameterName(parameter)}={value}");
            }
        }

        return text.Count == 0 ? "defaults" : string.Join(" ", text);
    }
}
