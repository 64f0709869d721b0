// Replays a trace of nested-guest system-register accesses through the prebuilt Linux 6.6
// ruleset and counts, per trap group, how many were forwarded to the guest hypervisor and how
// many were handled locally.
//
// The trace is tab-separated: an `esr` column (hex) and one column per control register,
// named in lower case (hcr_el2, mdcr_el2, ...); a missing register column means 0.
using System.Globalization;
using NvTrap;

string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "trace.tsv");
var names = default(Linux66Traps.Rules).Names;
var counts = new SortedDictionary<string, (int Forwarded, int Local)>(StringComparer.Ordinal);

using var reader = new StreamReader(path);
string[] header = (reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty")).Split('\t');
int esrColumn = Array.IndexOf(header, "esr");
if (esrColumn < 0)
{
    throw new InvalidDataException($"{path}: the header has no 'esr' column");
}

// Map each register column to the ruleset's register index by name.
var registerColumns = new List<(int Column, int Register)>();
for (int register = 0; register < names.RegisterCount; register++)
{
    int column = Array.IndexOf(header, names.RegisterName(register).ToLowerInvariant());
    if (column >= 0)
    {
        registerColumns.Add((column, register));
    }
}

int lineNumber = 1;
for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
{
    lineNumber++;
    if (line.Length == 0)
    {
        continue;
    }

    string[] fields = line.Split('\t');
    var state = VcpuState.NestedGuestAtEl1;
    foreach (var (column, register) in registerColumns)
    {
        state[register] = Hex(fields[column], lineNumber);
    }

    var decision = Linux66Traps.Decide(state, new Esr(Hex(fields[esrColumn], lineNumber)));
    string group = decision.Group == 0 ? "(no coarse group)" : names.GroupName(decision.Group);
    var (forwarded, local) = counts.GetValueOrDefault(group);
    counts[group] = decision.Forward ? (forwarded + 1, local) : (forwarded, local + 1);
}

Console.WriteLine($"{"group",-24} {"forwarded",9} {"local",6}");
foreach (var (group, (forwarded, local)) in counts)
{
    Console.WriteLine($"{group,-24} {forwarded,9} {local,6}");
}

Console.WriteLine($"{"total",-24} {counts.Values.Sum(c => c.Forwarded),9} {counts.Values.Sum(c => c.Local),6}");

static ulong Hex(string text, int line)
{
    string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
    return ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
        ? value
        : throw new InvalidDataException($"line {line}: '{text}' is not a hex number");
}
