using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Interpreting;

/// <summary>The sample ruleset compiled at run time and interpreted, as <c>--rules TestRules</c> does.</summary>
public sealed class TestRulesFixture() : InterpretedRulesFixture(TestPaths.TestRules);
