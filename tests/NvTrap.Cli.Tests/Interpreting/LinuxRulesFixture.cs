using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>The Linux 6.6 rule files compiled at run time and interpreted, as <c>--rules rules/linux-6.6</c> does.</summary>
public sealed class LinuxRulesFixture() : InterpretedRulesFixture(TestPaths.LinuxRules);
