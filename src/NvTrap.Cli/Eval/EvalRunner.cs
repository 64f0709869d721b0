using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NvTrap.Cli.CommandLine;
using NvTrap.Cli.Input;
using NvTrap.Cli.Rulesets;
using NvTrap.Cli.Text;

namespace NvTrap.Cli.Eval;

/// <summary>
/// Batch decisions over a TSV stream: each row is read, decided and written before the next is
/// read, so memory stays flat however long the input. A malformed row is reported on the error
/// writer as <c>file:line: what is wrong</c> and left out of the output; the run goes on.
/// </summary>
internal sealed class EvalRunner
{
    private readonly RulesetHandle _ruleset;
    private readonly VmProfile _vm;
    private readonly TextWriter _output;
    private readonly TextWriter _errors;
    private readonly string _inputName;
    private readonly Dictionary<int, string> _reasons = new();

    public EvalRunner(RulesetHandle ruleset, in VmProfile vm, string inputName, TextWriter output, TextWriter errors)
    {
        _ruleset = ruleset;
        _vm = vm;
        _inputName = inputName;
        _output = output;
        _errors = errors;
    }

    /// <summary>Rows decided and written.</summary>
    public long RowsDecided { get; private set; }

    /// <summary>Rows reported as malformed.</summary>
    public long RowsRejected { get; private set; }

    public int Run(TextReader input)
    {
        var lines = new BoundedLineReader(input);
        switch (lines.Read())
        {
            case LineStatus.End:
                _errors.WriteLine($"{_inputName}: the input is empty; its first line must be a header row such as: esr<TAB>hcr_el2");
                return ExitCodes.Failure;
            case LineStatus.TooLong:
                Report(lines.LineNumber, FormattableString.Invariant($"the header line is longer than {lines.MaxLength:N0} characters."));
                return ExitCodes.Failure;
        }

        var header = EvalHeader.Parse(lines.Line, _ruleset.RegisterNames, out string? problem);
        if (header is null)
        {
            Report(lines.LineNumber, problem!);
            return ExitCodes.Failure;
        }

        _output.Write(lines.Line);
        _output.Write("\tforward\treason\toutcome\n");

        // Room for one field more than the header has, to notice rows with too many.
        var fields = new Range[header.ColumnCount + 1];
        LineStatus status;
        while ((status = lines.Read()) != LineStatus.End)
        {
            if (status == LineStatus.TooLong)
            {
                Report(lines.LineNumber, FormattableString.Invariant($"the line is longer than {lines.MaxLength:N0} characters; the row was not read."));
                continue;
            }

            var line = lines.Line;
            if (line.IsEmpty)
            {
                // A blank line separates nothing and holds no row.
                continue;
            }

            if (!TryDecide(line, header, fields, out var decision, out problem))
            {
                Report(lines.LineNumber, problem!);
                continue;
            }

            _output.Write(line);
            _output.Write(decision.Forward ? "\t1\t" : "\t0\t");
            _output.Write(decision.Forward || decision.Outcome == TrapOutcome.Undefined ? ReasonFor(decision) : "none");
            _output.Write('\t');
            _output.Write(DecisionText.Outcome(decision.Outcome));
            _output.Write('\n');
            RowsDecided++;
        }

        if (RowsRejected > 0)
        {
            _errors.WriteLine($"{_inputName}: {Plural.Of(RowsRejected, "malformed row")} left out of the output ({Plural.Of(RowsDecided, "row")} decided).");
            return ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }

    private void Report(long lineNumber, string problem)
    {
        RowsRejected++;
        _errors.WriteLine($"{_inputName}:{lineNumber}: {problem}");
    }

    private bool TryDecide(ReadOnlySpan<char> line, EvalHeader header, Range[] fields, out TrapDecision decision, out string? problem)
    {
        decision = default;
        int count = line.Split(fields, '\t');
        if (count != header.ColumnCount)
        {
            problem = count > header.ColumnCount
                ? $"more fields than the header's {header.ColumnCount} columns; fields are separated by tabs."
                : $"{Plural.Of(count, "field")}, but the header has {header.ColumnCount} columns; fields are separated by tabs (leave a field empty, or write -, for none).";
            return false;
        }

        if (!TryReadAccess(line, header, fields, out var esr, out problem))
        {
            return false;
        }

        var state = VcpuState.NestedGuestAtEl1;
        if (!TryReadContext(line, header, fields, ref state, out problem))
        {
            return false;
        }

        foreach (var (column, register) in header.RegisterColumns)
        {
            var cell = line[fields[column]];
            if (IsBlank(cell))
            {
                continue;
            }

            if (!HexValue.TryParse(cell, out ulong value, out string? hexProblem))
            {
                problem = $"column {header.ColumnNames[column]}: {hexProblem}.";
                return false;
            }

            state[register] = value;
        }

        decision = _ruleset.Decide(state, _vm, esr);
        return true;
    }

    /// <summary>The <c>ctx</c> (el0, el1, el2) and <c>nv</c> (1, 0) cells; blank keeps the defaults, EL1 with nested virtualization.</summary>
    private static bool TryReadContext(ReadOnlySpan<char> line, EvalHeader header, Range[] fields, ref VcpuState state, out string? problem)
    {
        problem = null;
        var context = header.ContextColumn >= 0 ? line[fields[header.ContextColumn]].Trim() : default;
        if (!IsBlank(context))
        {
            if (context.Equals("el0", StringComparison.OrdinalIgnoreCase))
            {
                state.CurrentEl = ExceptionLevel.El0;
            }
            else if (context.Equals("el1", StringComparison.OrdinalIgnoreCase))
            {
                state.CurrentEl = ExceptionLevel.El1;
            }
            else if (context.Equals("el2", StringComparison.OrdinalIgnoreCase))
            {
                state.CurrentEl = ExceptionLevel.El2;
            }
            else
            {
                problem = $"ctx: {HexValue.Quote(context)} is not el0, el1 or el2.";
                return false;
            }
        }

        var nested = header.NestedColumn >= 0 ? line[fields[header.NestedColumn]].Trim() : default;
        if (!IsBlank(nested))
        {
            if (nested is not ("0" or "1"))
            {
                problem = $"nv: {HexValue.Quote(nested)} is neither 1 (nested virtualization on) nor 0 (off).";
                return false;
            }

            state.HasNestedVirtualization = nested is "1";
        }

        return true;
    }

    /// <summary>The access from the esr column or from op0..dir; when a row gives both they must agree.</summary>
    private static bool TryReadAccess(ReadOnlySpan<char> line, EvalHeader header, Range[] fields, out Esr esr, out string? problem)
    {
        esr = default;
        bool hasEsr = false;
        var esrCell = header.EsrColumn >= 0 ? line[fields[header.EsrColumn]] : default;
        if (!IsBlank(esrCell))
        {
            if (!HexValue.TryParse(esrCell, out ulong value, out string? hexProblem))
            {
                problem = $"column esr: {hexProblem}.";
                return false;
            }

            esr = new Esr(value);
            hasEsr = true;
        }

        bool hasFields = false;
        if (header.HasAccessFields)
        {
            foreach (int column in header.AccessColumns)
            {
                hasFields |= !IsBlank(line[fields[column]]);
            }
        }

        if (!hasEsr && !hasFields)
        {
            problem = header.HasAccessFields && header.EsrColumn >= 0
                ? "no access: fill in esr, or op0 op1 crn crm op2 dir."
                : header.EsrColumn >= 0 ? "column esr is empty; give the ESR in hex." : "op0 op1 crn crm op2 dir are empty; give the access.";
            return false;
        }

        if (!hasFields)
        {
            problem = null;
            return true;
        }

        if (!TryReadFields(line, header, fields, out var fromFields, out problem))
        {
            return false;
        }

        if (hasEsr && (!esr.IsSysRegTrap || esr.Encoding != fromFields.Encoding || esr.IsRead != fromFields.IsRead))
        {
            string fromEsr = esr.IsSysRegTrap ? $"a {(esr.IsRead ? "read" : "write")} of {esr.Encoding}" : ExceptionClasses.Describe(esr.ExceptionClass);
            problem = $"esr {HexValue.Format(esr.Value)} is {fromEsr}, but op0..dir give a {(fromFields.IsRead ? "read" : "write")} of {fromFields.Encoding}; give one of them, or make them agree.";
            return false;
        }

        if (!hasEsr)
        {
            esr = fromFields;
        }

        return true;
    }

    private static bool TryReadFields(ReadOnlySpan<char> line, EvalHeader header, Range[] fields, out Esr esr, out string? problem)
    {
        esr = default;
        Span<int> values = stackalloc int[5];
        ReadOnlySpan<int> limits = [3, 7, 15, 15, 7];
        for (int i = 0; i < 5; i++)
        {
            var cell = line[fields[header.AccessColumns[i]]].Trim();
            string name = EvalHeader.AccessFieldNames[i];
            if (IsBlank(cell))
            {
                problem = $"{name} is missing; give all of op0 op1 crn crm op2 dir (or leave them all empty and give esr).";
                return false;
            }

            if (!int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] > limits[i])
            {
                problem = $"{name}: {HexValue.Quote(cell)} is not a decimal number in 0..{limits[i]}.";
                return false;
            }
        }

        var dir = line[fields[header.AccessColumns[5]]].Trim();
        if (IsBlank(dir))
        {
            problem = "dir is missing; give R (a read, MRS) or W (a write, MSR).";
            return false;
        }

        bool isRead = dir is "R" or "r";
        if (!isRead && dir is not ("W" or "w"))
        {
            problem = $"dir: {HexValue.Quote(dir)} is neither R (read) nor W (write).";
            return false;
        }

        esr = Esr.ForSysRegAccess(SysRegEncoding.Create(values[0], values[1], values[2], values[3], values[4]), isRead);
        problem = null;
        return true;
    }

    /// <summary>An empty cell, or <c>-</c>, gives no value.</summary>
    private static bool IsBlank(ReadOnlySpan<char> cell)
    {
        var trimmed = cell.Trim();
        return trimmed.IsEmpty || trimmed is "-";
    }

    private string ReasonFor(in TrapDecision decision)
    {
        // Reasons repeat across rows: build each string once. Coarse keys are non-negative
        // (group and member ids are 10 bits); fine-grained keys are negative, by encoding.
        int key = decision.Reason is DecisionReason.FineGrainedTrap or DecisionReason.FeatureHidden ? -1 - decision.Encoding.Value : (decision.Group << 16) | decision.Member;
        if (!_reasons.TryGetValue(key, out string? reason))
        {
            reason = DecisionText.Reason(decision, _ruleset.Names);
            _reasons.Add(key, reason);
        }

        return reason;
    }
}
