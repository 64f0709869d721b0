namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>
/// What the interpreter must share with generated code before their decisions can be compared:
/// the same tables byte for byte (the interpreter holds the serializer's bytes, the generated code
/// what the emitter wrote from them), and the same numbering and names of everything a decision
/// or a VM profile refers to by id.
/// </summary>
internal static class RulesAgreement
{
    public static void SameTables(ITrapRules generated, ITrapRules interpreted)
    {
        Assert.Equal(generated.LookupDisplacements.ToArray(), interpreted.LookupDisplacements.ToArray());
        Assert.Equal(generated.LookupSlots.ToArray(), interpreted.LookupSlots.ToArray());
        Assert.Equal(generated.DecisionListStarts.ToArray(), interpreted.DecisionListStarts.ToArray());
        Assert.Equal(generated.DecisionRecords.ToArray(), interpreted.DecisionRecords.ToArray());
        Assert.Equal(generated.GroupStarts.ToArray(), interpreted.GroupStarts.ToArray());
        Assert.Equal(generated.GroupRecords.ToArray(), interpreted.GroupRecords.ToArray());
        Assert.Equal(generated.GroupKinds.ToArray(), interpreted.GroupKinds.ToArray());
        Assert.Equal(generated.FineGrainedRegisters.ToArray(), interpreted.FineGrainedRegisters.ToArray());
        Assert.Equal(generated.RegisterRes0.ToArray(), interpreted.RegisterRes0.ToArray());
        Assert.Equal(generated.RegisterRes1.ToArray(), interpreted.RegisterRes1.ToArray());
        Assert.Equal(generated.ParameterDefaults.ToArray(), interpreted.ParameterDefaults.ToArray());
        Assert.Equal(generated.SanitisedRegisters, interpreted.SanitisedRegisters);
    }

    /// <summary>Registers, groups (with their conditions), fine-grained groups, filters, parameters and the context tests.</summary>
    public static void SameNumbering(RulesetNames generated, RulesetNames interpreted, int groupCount)
    {
        Assert.Equal(generated.RulesetName, interpreted.RulesetName);
        Assert.Equal(generated.RegisterCount, interpreted.RegisterCount);
        for (int i = 0; i < generated.RegisterCount; i++)
        {
            Assert.Equal(generated.RegisterName(i), interpreted.RegisterName(i));
        }

        // Group 0 is "none"; groups are 1..groupCount.
        for (int group = 0; group <= groupCount; group++)
        {
            Assert.Equal(generated.GroupName(group), interpreted.GroupName(group));
            Assert.Equal(generated.ConditionText(group), interpreted.ConditionText(group));
            Assert.Equal(generated.ConditionRegisters(group).ToArray(), interpreted.ConditionRegisters(group).ToArray());
        }

        Assert.Equal(generated.FineGrainedGroupCount, interpreted.FineGrainedGroupCount);
        for (int group = 0; group <= generated.FineGrainedGroupCount; group++)
        {
            Assert.Equal(generated.FineGrainedGroupName(group), interpreted.FineGrainedGroupName(group));
        }

        Assert.Equal(generated.FilterCount, interpreted.FilterCount);
        for (int filter = 0; filter <= generated.FilterCount; filter++)
        {
            Assert.Equal(generated.FilterName(filter), interpreted.FilterName(filter));
            Assert.Equal(generated.FilterText(filter), interpreted.FilterText(filter));
        }

        Assert.Equal(generated.ParameterCount, interpreted.ParameterCount);
        for (int parameter = 0; parameter < generated.ParameterCount; parameter++)
        {
            Assert.Equal(generated.ParameterName(parameter), interpreted.ParameterName(parameter));
            Assert.Equal(generated.ParameterRange(parameter), interpreted.ParameterRange(parameter));
        }

        Assert.Equal(generated.HypervisorContext, interpreted.HypervisorContext);
        Assert.Equal(generated.HostEl0, interpreted.HostEl0);
    }

    /// <summary>The name and fine-grained bit name of all 65,536 encodings.</summary>
    public static void SameNamesOnEveryEncoding(RulesetNames generated, RulesetNames interpreted)
    {
        for (int encoding = 0; encoding <= ushort.MaxValue; encoding++)
        {
            ushort value = (ushort)encoding;
            Assert.True(generated.SysRegName(value) == interpreted.SysRegName(value), $"{new SysRegEncoding(value)}: {generated.SysRegName(value)} vs {interpreted.SysRegName(value)}");
            Assert.True(generated.FineGrainedBitName(value) == interpreted.FineGrainedBitName(value), $"{new SysRegEncoding(value)}");
        }
    }
}
