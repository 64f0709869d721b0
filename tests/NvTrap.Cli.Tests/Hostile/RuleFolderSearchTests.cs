using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Hostile;

/// <summary>
/// Searching a folder for rule files: symbolic links that lead back into the tree are not
/// followed round (before, one link to a parent folder gave hundreds of bogus duplicate files,
/// and three of them never finished), each folder is searched once, and bin/ and obj/ (build
/// output, full of rule copies) are skipped at any depth as the build's glob skips them. Real
/// folders and links in a <see cref="TempDirectory"/>; every run has a deadline.
/// </summary>
public class RuleFolderSearchTests
{
    private const string Clean = "checked 1 file, 1 ruleset (mini): 0 errors, 0 warnings";

    [SymlinkFact]
    public void Links_back_up_the_tree_are_not_followed_round()
    {
        using var directory = new TempDirectory();
        string file = MiniRuleset.WriteTo(directory);
        string mini = Path.GetDirectoryName(file)!;
        Directory.CreateSymbolicLink(Path.Combine(mini, "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(mini, "again"), "../mini");
        Directory.CreateSymbolicLink(Path.Combine(mini, "absolute"), directory.Path);
        Directory.CreateSymbolicLink(Path.Combine(directory.Path, "self"), "self");

        var result = GuardedRun.Run("check", directory.Path);
        var rules = GuardedRun.Run("groups", "--rules", directory.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Clean], result.OutputLines);
        Assert.Equal("", result.Error);
        Assert.Equal(0, rules.ExitCode);
        Assert.Equal("", rules.Error);
    }

    [SymlinkFact]
    public void A_linked_folder_outside_the_tree_is_searched_once_however_many_links_lead_there()
    {
        using var directory = new TempDirectory();
        string shared = Path.GetDirectoryName(MiniRuleset.WriteTo(directory))!;
        string tree = Path.Combine(directory.Path, "tree");
        Directory.CreateDirectory(Path.Combine(tree, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(tree, "b-shared"), shared);
        Directory.CreateSymbolicLink(Path.Combine(tree, "sub", "a-shared"), "../../mini");

        var result = GuardedRun.Run("check", tree);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Clean], result.OutputLines);
    }

    [SymlinkFact]
    public void A_file_reached_through_a_link_inside_the_tree_keeps_its_own_path()
    {
        using var directory = new TempDirectory();
        directory.Write("tree/rules/broken.nvtrap.yaml", "ruleset: broken\ncontrols: { A: [1, 2\n");
        Directory.CreateSymbolicLink(Path.Combine(directory.Path, "tree", "a-link"), "rules");
        File.CreateSymbolicLink(Path.Combine(directory.Path, "tree", "rules", "copy.nvtrap.yaml"), "broken.nvtrap.yaml");
        string tree = Path.Combine(directory.Path, "tree");

        var result = GuardedRun.Run("check", tree);

        // One file, one syntax error, at the file's real path: not through a-link, not twice.
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Length);
        Assert.StartsWith(Path.Combine(tree, "rules", "broken.nvtrap.yaml") + "(3,1): error NVT001: ", result.OutputLines[0]);
        Assert.Equal("checked 1 file, 0 rulesets: 1 error, 0 warnings", result.OutputLines[1]);
    }

    [Fact]
    public void Bin_and_obj_folders_are_skipped_at_any_depth()
    {
        using var directory = new TempDirectory();
        MiniRuleset.WriteTo(directory);
        // Build output: stale or broken copies that a build's glob never hands to the generator.
        string broken = "ruleset: mini\ncontrols: { A: [1, 2\n";
        directory.Write("bin/Debug/net10.0/rules/mini.nvtrap.yaml", broken);
        directory.Write("obj/mini.nvtrap.yaml", broken);
        directory.Write("src/Project/bin/Release/net10.0/mini.nvtrap.yaml", broken);
        directory.Write("src/Project/obj/Debug/mini.nvtrap.yaml", broken);

        var result = Tool.Run("check", directory.Path);
        var rules = Tool.Run("groups", "--rules", directory.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Clean], result.OutputLines);
        Assert.Equal(0, rules.ExitCode);
    }

    [Fact]
    public void A_bin_folder_named_directly_is_checked()
    {
        using var directory = new TempDirectory();
        string copy = directory.Write("bin/Debug/mini.nvtrap.yaml", MiniRuleset.Text);

        var result = Tool.Run("check", Path.Combine(directory.Path, "bin"));

        // Only folders found while searching are skipped; what the user names is read.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([Clean], result.OutputLines);
        Assert.True(File.Exists(copy));
    }

    [Fact]
    public void Check_at_the_root_of_a_built_repository_checks_the_rules_and_not_their_copies()
    {
        // The layout `nvtrap check .` met at the repository root after a build: each project's
        // bin/ holds copies of the rules (3,279 false errors before).
        using var directory = new TempDirectory();
        foreach (string file in Directory.GetFiles(TestPaths.LinuxRules, "*.nvtrap.yaml", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            string name = Path.GetRelativePath(TestPaths.LinuxRules, file);
            directory.Write(Path.Combine("rules", "linux-6.6", name), text);
            directory.Write(Path.Combine("tests", "Tests", "bin", "Debug", "net10.0", "LinuxRules", name), text);
            directory.Write(Path.Combine("benchmarks", "Bench", "bin", "Release", "net10.0", "LinuxRules", name), text);
            directory.Write(Path.Combine("src", "Runtime", "obj", "Debug", "rules", name), text);
        }

        var result = Tool.Run("check", directory.Path);

        Assert.Equal(0, result.ExitCode);
        // The ruleset's two warnings, found once each, in rules/ and not in a copy.
        Assert.Equal(2, result.OutputLines.Length - 1);
        Assert.All(result.OutputLines[..^1], l => Assert.StartsWith(Path.Combine(directory.Path, "rules", "linux-6.6") + Path.DirectorySeparatorChar, l));
        Assert.Equal("checked 37 files, 1 ruleset (linux-6.6): 0 errors, 2 warnings", result.OutputLines[^1]);
    }
}
