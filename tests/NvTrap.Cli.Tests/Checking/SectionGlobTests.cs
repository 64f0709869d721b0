using NvTrap.Cli.Severity;

namespace NvTrap.Cli.Tests.Checking;

/// <summary>.editorconfig section names as the editorconfig rules read them (paths relative to the config's folder, starting with '/').</summary>
public class SectionGlobTests
{
    [Theory]
    [InlineData("*.nvtrap.yaml", "/a.nvtrap.yaml", true)]
    [InlineData("*.nvtrap.yaml", "/rules/deep/a.nvtrap.yaml", true)]
    [InlineData("*.nvtrap.yaml", "/a.nvtrap.yml", false)]
    [InlineData("*", "/rules/a.nvtrap.yaml", true)]
    [InlineData("*.{yaml,yml}", "/rules/a.nvtrap.yml", true)]
    [InlineData("*.{cs,vb}", "/rules/a.nvtrap.yaml", false)]
    [InlineData("rules/*.yaml", "/rules/a.nvtrap.yaml", true)]
    [InlineData("rules/*.yaml", "/rules/deep/a.nvtrap.yaml", false)]
    [InlineData("rules/**.yaml", "/rules/deep/a.nvtrap.yaml", true)]
    [InlineData("/rules/**/*.yaml", "/rules/deep/a.nvtrap.yaml", true)]
    [InlineData("/other/**", "/rules/a.nvtrap.yaml", false)]
    [InlineData("file?.nvtrap.yaml", "/file1.nvtrap.yaml", true)]
    [InlineData("file[0-9].nvtrap.yaml", "/file7.nvtrap.yaml", true)]
    [InlineData("file[!0-9].nvtrap.yaml", "/file7.nvtrap.yaml", false)]
    [InlineData("part{1..3}.nvtrap.yaml", "/part2.nvtrap.yaml", true)]
    [InlineData("part{1..3}.nvtrap.yaml", "/part4.nvtrap.yaml", false)]
    [InlineData(@"a\*.yaml", "/a*.yaml", true)]
    [InlineData(@"a\*.yaml", "/ab.yaml", false)]
    public void Matches_as_editorconfig_does(string glob, string path, bool matches)
    {
        var matcher = SectionGlob.TryCreate(glob);

        Assert.NotNull(matcher);
        Assert.Equal(matches, matcher!.IsMatch(path));
    }
}
