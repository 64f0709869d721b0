using System.Collections.Generic;
using NvTrap.Compiler.Profiles;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Schema;

/// <summary>The schemas NvTrap ships, one per kind of YAML file it reads.</summary>
internal static class ShippedSchemas
{
    /// <summary>Where they are checked in, from the repository's root.</summary>
    public const string Folder = "docs/schema";

    /// <summary>Rule files, *.nvtrap.yaml.</summary>
    public static readonly ShippedSchema Rules = new("nvtrap-rules.schema.json", "NvTrap rule file (*.nvtrap.yaml)", RuleFileKeys.File);

    /// <summary>VM profiles, as nvtrap explain and eval read with --vm.</summary>
    public static readonly ShippedSchema VmProfile = new("nvtrap-vm.schema.json", "NvTrap VM profile", VmProfileKeys.File);

    public static IReadOnlyList<ShippedSchema> All { get; } = new[] { Rules, VmProfile };
}
