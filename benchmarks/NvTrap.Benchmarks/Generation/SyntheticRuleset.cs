using System.Globalization;
using System.Text;
using NvTrap.Compiler;

namespace NvTrap.Benchmarks.Generation;

/// <summary>
/// Writes a valid ruleset of a given <see cref="RulesetShape"/> as YAML files laid out like the
/// Linux ones (a file per control register with its controls, files of combinations and
/// conditions, a file per fine-grained group with its traps, the catalogue and the coarse traps
/// in chunks), so the generator does the same kinds of work on more rules. Deterministic: the
/// same shape and seed give the same files.
/// </summary>
internal sealed class SyntheticRuleset
{
    private const int FieldsPerControlRegister = 64;

    /// <summary>Fine-grained registers keep bits [63:56] RES0, as the kernel's masks do for unallocated bits.</summary>
    private const int FineGrainedBits = 56;

    private const int NamesPerFile = 1000;
    private const int TrapLinesPerFile = 250;

    private readonly RulesetShape _shape;
    private readonly string _name;
    private readonly Random _random;
    private readonly List<RuleSource> _files = new();
    private readonly List<string> _controlRegisters = new();
    private readonly List<string> _leafGroups = new();
    private readonly List<string> _allGroups = new();

    private SyntheticRuleset(RulesetShape shape, string name, int seed)
    {
        _shape = shape;
        _name = name;
        _random = new Random(seed);
    }

    /// <summary>The ruleset's files, in ordinal path order.</summary>
    public static IReadOnlyList<RuleSource> Build(RulesetShape shape, string name, int seed)
    {
        var builder = new SyntheticRuleset(shape, name, seed);
        builder.WriteControls();
        builder.WriteConditions();
        builder.WriteCombinations();
        var layout = EncodingLayout.Create(shape, builder._random);
        builder.WriteCatalogue(layout);
        builder.WriteCoarseTraps(layout);
        builder.WriteFineGrained(layout);
        return builder._files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private void WriteControls()
    {
        for (int r = 0; r < _shape.ControlRegisters; r++)
        {
            _controlRegisters.Add(r == 0 ? "HCR_EL2" : $"CTL{r}_EL2");
        }

        // Controls are spread over the registers as evenly as the count allows.
        var perRegister = Enumerable.Range(0, _shape.ControlRegisters).Select(_ => new List<string>()).ToList();
        for (int c = 0; c < _shape.Controls; c++)
        {
            int register = c % _shape.ControlRegisters;
            var bits = Distinct(1 + _random.Next(3), FieldsPerControlRegister);
            var value = bits.Where(_ => _random.Next(3) != 0).ToList();
            string name = $"CTRL_{c}";
            _leafGroups.Add(name);
            _allGroups.Add(name);
            perRegister[register].Add(
                $"  {name}: {{ register: {_controlRegisters[register]}, mask: [{Fields(bits)}], value: [{Fields(value)}], forward: {Forward()} }}");
        }

        for (int r = 0; r < _shape.ControlRegisters; r++)
        {
            var text = Header($"Control register {_controlRegisters[r]} and the controls that test it.");
            text.AppendLine("registers:").AppendLine($"  {_controlRegisters[r]}:").AppendLine("    fields:");
            if (r == 0)
            {
                // The decision engine reads these two for the hypervisor-context test.
                text.AppendLine("      E2H: 34").AppendLine("      TGE: 27");
            }

            for (int bit = 0; bit < FieldsPerControlRegister; bit++)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      F{bit}: {bit}");
            }

            text.AppendLine("controls:");
            foreach (var line in perRegister[r])
            {
                text.AppendLine(line);
            }

            Add($"controls/{_controlRegisters[r].ToLowerInvariant()}.nvtrap.yaml", text);
        }
    }

    private void WriteConditions()
    {
        var text = Header("Conditions: logic a mask cannot express.");
        text.AppendLine("conditions:");
        for (int c = 0; c < _shape.Conditions; c++)
        {
            string name = $"COND_{c}";
            _leafGroups.Add(name);
            _allGroups.Add(name);
            text.AppendLine($"  {name}:").AppendLine($"    forward: {Forward()}").AppendLine($"    when: \"{ConditionExpression(c)}\"");
        }

        Add("controls/conditions.nvtrap.yaml", text);
    }

    /// <summary>Expressions in the spirit of the kernel's CCCs, rotating through several forms.</summary>
    private string ConditionExpression(int index)
    {
        string a = RandomRegister(), b = RandomRegister();
        int x = _random.Next(64), y = _random.Next(64), lo = _random.Next(60);
        return (index % 4) switch
        {
            0 => $"!(HCR_EL2.E2H ? {a}[{x}] : {a}[{y}])",
            1 => $"({a}[{lo + 3}:{lo}] == {_random.Next(16)}) && !{b}.F{x}",
            2 => $"popcount({a} & 0x{_random.Next(1, int.MaxValue):X}) > {_random.Next(8)} || op2 == {_random.Next(8)}",
            _ => $"(({a} >> {lo}) & 3) != 0 ? {b}[{x}] : crm == {_random.Next(16)}",
        };
    }

    private void WriteCombinations()
    {
        var text = Header("Combinations: the OR of several controls and conditions.");
        text.AppendLine("combinations:");
        for (int c = 0; c < _shape.Combinations; c++)
        {
            var members = Distinct(2 + _random.Next(3), _leafGroups.Count).Select(i => _leafGroups[i]);
            string name = $"COMBO_{c}";
            _allGroups.Add(name);
            text.AppendLine($"  {name}: [{string.Join(", ", members)}]");
        }

        Add("controls/combinations.nvtrap.yaml", text);
    }

    private void WriteCatalogue(EncodingLayout layout)
    {
        var named = layout.Singles.Concat(layout.FineGrainedOnly).OrderBy(e => e).ToList();
        for (int file = 0; file * NamesPerFile < named.Count; file++)
        {
            var text = Header("System-register catalogue.");
            text.AppendLine("sysregs:");
            foreach (ushort encoding in named.Skip(file * NamesPerFile).Take(NamesPerFile))
            {
                text.AppendLine($"  {SysRegName(encoding)}: {GenericName(encoding)}");
            }

            Add($"sysregs/names-{file:D3}.nvtrap.yaml", text);
        }
    }

    private void WriteCoarseTraps(EncodingLayout layout)
    {
        // Lines as the Linux files write them: runs of one to six named registers sharing a group,
        // and ranges, in encoding order. Every group is trapped at least once (else it would draw
        // the unused-group warning); after that, groups are drawn at random.
        var lines = new List<(ushort First, string Body)>();
        var singles = layout.Singles;
        for (int i = 0; i < singles.Count;)
        {
            int run = Math.Min(1 + _random.Next(6), singles.Count - i);
            var names = singles.Skip(i).Take(run).Select(SysRegName);
            lines.Add((singles[i], run == 1 ? $"sysreg: {names.First()}" : $"sysregs: [{string.Join(", ", names)}]"));
            i += run;
        }

        foreach (var (first, last) in layout.Ranges)
        {
            lines.Add((first, $"range: [{GenericName(first)}, {GenericName(last)}]"));
        }

        lines.Sort((l, r) => l.First.CompareTo(r.First));
        if (lines.Count < _allGroups.Count)
        {
            throw new InvalidOperationException($"x{_shape.Scale}: {lines.Count} trap lines cannot use all {_allGroups.Count} groups.");
        }

        var groups = _allGroups.OrderBy(_ => _random.Next()).ToList();
        var lineGroups = new List<int>(Enumerable.Range(0, groups.Count));
        while (lineGroups.Count < lines.Count)
        {
            lineGroups.Add(_random.Next(groups.Count));
        }

        lineGroups = lineGroups.OrderBy(_ => _random.Next()).ToList();
        for (int file = 0; file * TrapLinesPerFile < lines.Count; file++)
        {
            var text = Header("Coarse traps.");
            text.AppendLine("traps:");
            for (int i = file * TrapLinesPerFile; i < Math.Min(lines.Count, (file + 1) * TrapLinesPerFile); i++)
            {
                text.AppendLine($"  - {{ group: {groups[lineGroups[i]]}, {lines[i].Body} }}");
            }

            Add($"traps/traps-{file:D3}.nvtrap.yaml", text);
        }
    }

    private void WriteFineGrained(EncodingLayout layout)
    {
        // Fine-grained entries: every fine-grained-only encoding, then distinct single entries.
        var candidates = layout.Singles.OrderBy(_ => _random.Next()).Take(_shape.FineGrainedEntries - layout.FineGrainedOnly.Count);
        var entries = layout.FineGrainedOnly.Concat(candidates).OrderBy(e => e).ToList();
        var perGroup = Enumerable.Range(0, _shape.FineGrainedGroups).Select(_ => new List<ushort>()).ToList();
        foreach (ushort encoding in entries)
        {
            perGroup[_random.Next(_shape.FineGrainedGroups)].Add(encoding);
        }

        int paired = RulesetShape.PairedFineGrainedGroups(_shape.FineGrainedGroups);
        for (int g = 0; g < _shape.FineGrainedGroups; g++)
        {
            var registers = g < paired ? new[] { $"FGR{g}_EL2", $"FGW{g}_EL2" } : new[] { $"FGI{g}_EL2" };
            var text = Header($"Fine-grained group FG{g}.");
            text.AppendLine("registers:");
            foreach (var register in registers)
            {
                text.AppendLine($"  {register}:").AppendLine("    res0: [[63, 56]]").AppendLine("    fields:");
                for (int bit = 0; bit < FineGrainedBits; bit++)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      T{bit}: {bit}");
                }
            }

            text.AppendLine("fine_grained:").AppendLine(g < paired
                ? $"  FG{g}: {{ read: {registers[0]}, write: {registers[1]} }}"
                : $"  FG{g}: {{ both: {registers[0]} }}");
            text.AppendLine("fine_grained_traps:");
            foreach (ushort encoding in perGroup[g])
            {
                text.AppendLine($"  - {{ sysreg: {SysRegName(encoding)}, bit: FG{g}.T{_random.Next(FineGrainedBits)}, trap_when: {(_random.Next(2) == 0 ? "set" : "clear")} }}");
            }

            Add($"fine-grained/fg{g:D2}.nvtrap.yaml", text);
        }
    }

    private StringBuilder Header(string comment) =>
        new StringBuilder().AppendLine($"ruleset: {_name}").AppendLine($"# {comment} Synthetic (x{_shape.Scale}), generated by the benchmarks.");

    private void Add(string path, StringBuilder text) => _files.Add(new RuleSource(path, text.ToString()));

    private string Forward() => _random.Next(3) switch { 0 => "read", 1 => "write", _ => "any" };

    private string RandomRegister() => _controlRegisters[_random.Next(_controlRegisters.Count)];

    private static string Fields(IEnumerable<int> bits) => string.Join(", ", bits.Select(b => $"F{b}"));

    private List<int> Distinct(int count, int below)
    {
        var picked = new List<int>();
        while (picked.Count < Math.Min(count, below))
        {
            int next = _random.Next(below);
            if (!picked.Contains(next))
            {
                picked.Add(next);
            }
        }

        return picked;
    }

    private static string SysRegName(ushort encoding) => $"SR_{encoding:X4}";

    private static string GenericName(ushort e) =>
        string.Create(CultureInfo.InvariantCulture, $"S{e >> 14}_{(e >> 11) & 7}_C{(e >> 7) & 15}_C{(e >> 3) & 15}_{e & 7}");
}
