using NvTrap.Cli.Tests.Infrastructure;

namespace NvTrap.Cli.Tests.Hostile;

/// <summary>
/// The tool reads only regular files. A named pipe (FIFO), a device or a folder named as a rule
/// file, <c>--rules</c>, <c>--vm</c>, <c>--state</c> or <c>eval</c>'s input is refused by its kind,
/// before it is opened: opening a FIFO blocks until a writer appears, and /dev/zero never ends.
/// Every run has a deadline (<see cref="GuardedRun"/>), so a regression fails instead of hanging.
/// </summary>
public class NonRegularInputTests
{
    private const string Esr = "0x62300860";

    [FifoFact]
    public void A_fifo_is_refused_by_every_command_that_reads_a_file_without_waiting_for_a_writer()
    {
        using var directory = new TempDirectory();
        string fifo = Platform.MakeFifo(Path.Combine(directory.Path, "pipe.nvtrap.yaml"));
        string[] fifos = [fifo];

        var eval = GuardedRun.Run(fifos, "eval", fifo);
        var vm = GuardedRun.Run(fifos, "eval", "--vm", fifo, TestPaths.SampleAccesses);
        var state = GuardedRun.Run(fifos, "explain", "--esr", Esr, "--state", fifo);
        var explainVm = GuardedRun.Run(fifos, "explain", "--esr", Esr, "--vm", fifo);
        var check = GuardedRun.Run(fifos, "check", fifo);
        var rules = GuardedRun.Run(fifos, "table", "--rules", fifo);

        Assert.Equal(1, eval.ExitCode);
        Assert.Equal([$"nvtrap eval: {fifo}: it is a named pipe (FIFO), not a regular file; to read a pipe, give - and redirect it: nvtrap eval - < {fifo}."], eval.ErrorLines);
        Assert.Equal("", eval.Output);
        Assert.Equal(1, vm.ExitCode);
        Assert.Equal([$"nvtrap eval: --vm {fifo}: it is a named pipe (FIFO), not a regular file."], vm.ErrorLines);
        Assert.Equal("", vm.Output);
        Assert.Equal(1, state.ExitCode);
        Assert.Equal([$"nvtrap explain: --state {fifo}: it is a named pipe (FIFO), not a regular file."], state.ErrorLines);
        Assert.Equal(1, explainVm.ExitCode);
        Assert.Equal([$"nvtrap explain: --vm {fifo}: it is a named pipe (FIFO), not a regular file."], explainVm.ErrorLines);
        Assert.Equal(1, check.ExitCode);
        Assert.Equal(
            [
                $"{fifo}(1,1): error NVT001: Rule file was not read: it is a named pipe (FIFO), not a regular file. A rule file must be a regular file.",
                "checked 1 file, 0 rulesets: 1 error, 0 warnings",
            ],
            check.OutputLines);
        Assert.Equal(1, rules.ExitCode);
        Assert.Equal($"{fifo}(1,1): error NVT001: Rule file was not read: it is a named pipe (FIFO), not a regular file. A rule file must be a regular file.", rules.ErrorLines[0]);
        Assert.Equal("", rules.Output);
    }

    [FifoFact]
    public void A_fifo_in_a_kernel_tree_is_refused_by_check_kernel_and_import_kernel()
    {
        using var directory = new TempDirectory();
        directory.Write("tree/arch/arm64/kvm/emulate-nested.c", "enum cgt_group_id { __RESERVED__ };\n");
        string tree = Path.Combine(directory.Path, "tree");
        Directory.CreateDirectory(Path.Combine(tree, "arch/arm64/tools"));
        string fifo = Platform.MakeFifo(Path.Combine(tree, "arch/arm64/tools/sysreg"));
        string output = Path.Combine(directory.Path, "out");

        var check = GuardedRun.Run([fifo], "check", "--kernel", tree);
        var import = GuardedRun.Run([fifo], "import", "kernel", "--source", tree, "--out", output);

        string refused = "arch/arm64/tools/sysreg: error NVTK002: Not read: it is a named pipe (FIFO), not a regular file.";
        Assert.Equal(1, check.ExitCode);
        Assert.Equal([refused, $"checked {tree}: 1 error, 0 warnings"], check.OutputLines);
        Assert.Equal(1, import.ExitCode);
        Assert.Contains(refused, import.ErrorLines);
        Assert.False(Directory.Exists(output), "import wrote rule files although it read no tree");
    }

    [FifoFact]
    public void A_fifo_among_the_rule_files_of_a_folder_is_reported_and_the_other_files_still_checked()
    {
        using var directory = new TempDirectory();
        MiniRuleset.WriteTo(directory);
        string fifo = Platform.MakeFifo(Path.Combine(directory.Path, "mini", "zz-pipe.nvtrap.yaml"));

        var result = GuardedRun.Run([fifo], "check", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"{fifo}(1,1): error NVT001: Rule file was not read: it is a named pipe (FIFO), not a regular file. A rule file must be a regular file.",
                "checked 2 files, 1 ruleset (mini): 1 error, 0 warnings",
            ],
            result.OutputLines);
    }

    [FifoFact]
    public void A_symbolic_link_to_a_fifo_is_refused_like_the_fifo()
    {
        using var directory = new TempDirectory();
        string fifo = Platform.MakeFifo(Path.Combine(directory.Path, "pipe"));
        string link = Path.Combine(directory.Path, "state.txt");
        File.CreateSymbolicLink(link, fifo);

        var result = GuardedRun.Run([fifo], "explain", "--esr", Esr, "--state", link);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"nvtrap explain: --state {link}: it is a named pipe (FIFO), not a regular file."], result.ErrorLines);
    }

    [FifoFact]
    public void Standard_input_still_reads_a_stream()
    {
        // Refusing FIFOs by name does not touch eval -, which is how a pipe is read.
        var result = GuardedRun.Run([], "eval", "-");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["<stdin>: the input is empty; its first line must be a header row such as: esr<TAB>hcr_el2"], result.ErrorLines);
    }

    [DeviceFact]
    public void A_device_as_the_overlay_is_refused_before_anything_is_read_from_it()
    {
        using var directory = new TempDirectory();
        directory.Write("tree/arch/arm64/kvm/emulate-nested.c", "enum cgt_group_id { __RESERVED__ };\n");

        var check = GuardedRun.Run("check", "--kernel", Path.Combine(directory.Path, "tree"), "--overlay", "/dev/zero");

        Assert.Equal(1, check.ExitCode);
        Assert.Equal("/dev/zero: error NVTK002: Not read: it is a character device, not a regular file.", check.OutputLines[0]);
        Assert.Single(check.OutputLines, l => l.Contains(": error ", StringComparison.Ordinal));
    }

    [DeviceFact]
    public void Devices_are_refused_before_anything_is_read_from_them()
    {
        var evalZero = GuardedRun.Run("eval", "/dev/zero");
        var evalNull = GuardedRun.Run("eval", "/dev/null");
        var vm = GuardedRun.Run("eval", "--vm", "/dev/zero", TestPaths.SampleAccesses);
        var state = GuardedRun.Run("explain", "--esr", Esr, "--state", "/dev/zero");
        var check = GuardedRun.Run("check", "/dev/zero");
        var rules = GuardedRun.Run("groups", "--rules", "/dev/null");

        Assert.Equal(1, evalZero.ExitCode);
        Assert.Equal(["nvtrap eval: /dev/zero: it is a character device, not a regular file."], evalZero.ErrorLines);
        Assert.Equal(1, evalNull.ExitCode);
        Assert.Equal(["nvtrap eval: /dev/null: it is a character device, not a regular file."], evalNull.ErrorLines);
        Assert.Equal(1, vm.ExitCode);
        Assert.Equal(["nvtrap eval: --vm /dev/zero: it is a character device, not a regular file."], vm.ErrorLines);
        Assert.Equal(1, state.ExitCode);
        Assert.Equal(["nvtrap explain: --state /dev/zero: it is a character device, not a regular file."], state.ErrorLines);
        Assert.Equal(1, check.ExitCode);
        Assert.Equal(
            [
                "/dev/zero(1,1): error NVT001: Rule file was not read: it is a character device, not a regular file. A rule file must be a regular file.",
                "checked 1 file, 0 rulesets: 1 error, 0 warnings",
            ],
            check.OutputLines);
        Assert.Equal(1, rules.ExitCode);
        Assert.StartsWith("/dev/null(1,1): error NVT001: Rule file was not read: it is a character device", rules.ErrorLines[0]);
    }

    [Fact]
    public void A_folder_is_named_a_folder_by_every_command_that_reads_a_file()
    {
        using var directory = new TempDirectory();
        string folder = directory.Path;

        var eval = Tool.Run("eval", folder);
        var vm = Tool.Run("eval", "--vm", folder, TestPaths.SampleAccesses);
        var state = Tool.Run("explain", "--esr", Esr, "--state", folder);
        var explainVm = Tool.Run("explain", "--esr", Esr, "--vm", folder);

        Assert.Equal(1, eval.ExitCode);
        Assert.Equal([$"nvtrap eval: {folder}: it is a folder, not a file."], eval.ErrorLines);
        Assert.Equal(1, vm.ExitCode);
        Assert.Equal([$"nvtrap eval: --vm {folder}: it is a folder, not a file."], vm.ErrorLines);
        Assert.Equal(1, state.ExitCode);
        Assert.Equal([$"nvtrap explain: --state {folder}: it is a folder, not a file."], state.ErrorLines);
        Assert.Equal(1, explainVm.ExitCode);
        Assert.Equal([$"nvtrap explain: --vm {folder}: it is a folder, not a file."], explainVm.ErrorLines);
    }

    [Fact]
    public void A_missing_file_is_reported_in_one_sentence()
    {
        using var directory = new TempDirectory();
        string missing = Path.Combine(directory.Path, "none.tsv");

        var eval = Tool.Run("eval", missing);
        var state = Tool.Run("explain", "--esr", Esr, "--state", missing);

        Assert.Equal(1, eval.ExitCode);
        Assert.Equal([$"nvtrap eval: {missing}: it cannot be read: Could not find file '{missing}'."], eval.ErrorLines);
        Assert.Equal(1, state.ExitCode);
        Assert.Equal([$"nvtrap explain: --state {missing}: it cannot be read: Could not find file '{missing}'."], state.ErrorLines);
    }
}
