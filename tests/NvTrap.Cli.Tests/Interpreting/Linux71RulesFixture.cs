using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>The Linux 7.1 rule files compiled at run time and interpreted, as <c>--rules rules/linux-7.1</c> does.</summary>
public sealed class Linux71RulesFixture() : InterpretedRulesFixture(TestPaths.Linux71Rules);
