using System;
using System.Collections.Generic;
using System.IO;
using NvTrap.Cli.CommandLine;

namespace NvTrap.Cli.Input;

/// <summary>
/// A file of register values for <c>explain --state</c>: one <c>REGISTER VALUE</c> per line
/// (the separator may also be <c>=</c> or <c>:</c>), the value in hex, <c>#</c> starting a
/// comment. Register names are matched as <see cref="RegisterNaming.Find"/> does, so
/// <c>HCR_EL2</c>, <c>hcr_el2</c> and <c>hcr-el2</c> all work. Example:
/// <code>
/// # the guest hypervisor's trap controls
/// HCR_EL2    = 0x4000000
/// HFGRTR_EL2 = 0
/// </code>
/// </summary>
internal static class StateFile
{
    /// <summary>
    /// The largest state file read, in bytes. A state file gives each of a ruleset's few control
    /// registers once; 1 MiB leaves room for any comments and stops a runaway file or device.
    /// </summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// Reads the file into <paramref name="values"/> (register index -> value). Each problem is
    /// reported as <c>file:line: what is wrong</c>; returns false if there was any. The file is
    /// read as every input file is (<see cref="BoundedFile"/>): a regular file only, at most
    /// <see cref="MaxBytes"/> bytes, and its lines through <see cref="BoundedLineReader"/>.
    /// </summary>
    public static bool TryRead(string path, IReadOnlyList<string> registers, Dictionary<int, ulong> values, TextWriter errors)
    {
        string? text = BoundedFile.TryReadText(path, MaxBytes, out string? problem, out _);
        if (text is null)
        {
            errors.WriteLine($"nvtrap explain: --state {path}: {problem}.");
            return false;
        }

        var lines = new BoundedLineReader(new StringReader(text));
        var definedAt = new Dictionary<int, long>();
        bool ok = true;
        LineStatus status;
        while ((status = lines.Read()) != LineStatus.End)
        {
            if (status == LineStatus.TooLong)
            {
                errors.WriteLine(FormattableString.Invariant($"{path}:{lines.LineNumber}: the line is longer than {lines.MaxLength:N0} characters."));
                ok = false;
                continue;
            }

            ok &= TryReadLine(path, lines.LineNumber, lines.Line, registers, values, definedAt, errors);
        }

        return ok;
    }

    private static bool TryReadLine(string path, long lineNumber, ReadOnlySpan<char> line, IReadOnlyList<string> registers, Dictionary<int, ulong> values, Dictionary<int, long> definedAt, TextWriter errors)
    {
        int comment = line.IndexOf('#');
        var text = (comment >= 0 ? line[..comment] : line).Trim();
        if (text.Length == 0)
        {
            return true;
        }

        int separator = text.IndexOfAny(" \t=:");
        if (separator < 0)
        {
            errors.WriteLine($"{path}:{lineNumber}: {HexValue.Quote(text)} has no value; write REGISTER VALUE, e.g. HCR_EL2 0x4000000.");
            return false;
        }

        var name = text[..separator];
        var rest = text[(separator + 1)..].Trim();
        // Allow "NAME = VALUE" and "NAME: VALUE" with spaces around the separator.
        if (rest.Length > 0 && (rest[0] == '=' || rest[0] == ':'))
        {
            rest = rest[1..].Trim();
        }

        int register = RegisterNaming.Find(name, registers);
        if (register < 0)
        {
            errors.WriteLine($"{path}:{lineNumber}: unknown register {HexValue.Quote(name)}; this ruleset reads {string.Join(", ", registers)}.");
            return false;
        }

        if (!HexValue.TryParse(rest, out ulong value, out string? problem))
        {
            errors.WriteLine($"{path}:{lineNumber}: {registers[register]}: {problem}.");
            return false;
        }

        if (definedAt.TryGetValue(register, out long earlier))
        {
            errors.WriteLine($"{path}:{lineNumber}: {registers[register]} is already given on line {earlier}; give each register once.");
            return false;
        }

        definedAt.Add(register, lineNumber);
        values[register] = value;
        return true;
    }
}
