using System;
using System.IO;

namespace NvTrap.Cli.Input;

/// <summary>What <see cref="BoundedLineReader.Read"/> found.</summary>
internal enum LineStatus
{
    /// <summary>A line is in <see cref="BoundedLineReader.Line"/>.</summary>
    Line,

    /// <summary>A line longer than the limit was read past and dropped.</summary>
    TooLong,

    /// <summary>The input has ended.</summary>
    End,
}

/// <summary>
/// Reads lines from a text stream with a hard bound on line length, so one runaway line cannot
/// make the tool buffer without limit (<see cref="TextReader.ReadLine"/> would). A line that
/// fits in the read buffer is handed out in place, without a copy; a longer one is assembled in
/// a line buffer that never grows past the limit. Accepts <c>\n</c> and <c>\r\n</c> endings.
/// </summary>
internal sealed class BoundedLineReader
{
    /// <summary>The default limit: 1 MiB of characters.</summary>
    public const int DefaultMaxLength = 1024 * 1024;

    private readonly TextReader _reader;
    private readonly char[] _buffer;
    private char[] _assembled = new char[256];
    private int _position;
    private int _end;
    private char[] _lineSource;
    private int _lineStart;
    private int _lineLength;

    public BoundedLineReader(TextReader reader, int maxLength = DefaultMaxLength, int bufferSize = 64 * 1024)
    {
        _reader = reader;
        MaxLength = maxLength;
        _buffer = new char[bufferSize];
        _lineSource = _buffer;
    }

    public int MaxLength { get; }

    /// <summary>The 1-based number of the line last read (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>The line last read, without its line ending; valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> Line => _lineSource.AsSpan(_lineStart, _lineLength);

    public LineStatus Read()
    {
        int assembledLength = 0;
        bool tooLong = false;
        bool started = false;
        while (true)
        {
            if (_position == _end && !Fill())
            {
                if (!started)
                {
                    return LineStatus.End;
                }

                // The last line had no line ending.
                LineNumber++;
                return Finish(_assembled, 0, assembledLength, tooLong);
            }

            started = true;
            var available = _buffer.AsSpan(_position, _end - _position);
            int newline = available.IndexOf('\n');
            int chunk = newline >= 0 ? newline : available.Length;
            if (newline >= 0 && assembledLength == 0 && !tooLong)
            {
                // The common case: the whole line is in the buffer.
                int start = _position;
                _position += newline + 1;
                LineNumber++;
                if (newline > MaxLength + 1)
                {
                    return Finish(_buffer, start, 0, tooLong: true);
                }

                return Finish(_buffer, start, newline, tooLong: false);
            }

            if (!tooLong)
            {
                // Allow one extra character for a '\r' that the ending will strip.
                if (assembledLength + chunk > MaxLength + 1)
                {
                    tooLong = true;
                    assembledLength = 0;
                }
                else
                {
                    EnsureAssembledCapacity(assembledLength + chunk);
                    available[..chunk].CopyTo(_assembled.AsSpan(assembledLength));
                    assembledLength += chunk;
                }
            }

            _position += chunk;
            if (newline >= 0)
            {
                _position++;
                LineNumber++;
                return Finish(_assembled, 0, assembledLength, tooLong);
            }
        }
    }

    private LineStatus Finish(char[] source, int start, int length, bool tooLong)
    {
        if (length > 0 && source[start + length - 1] == '\r')
        {
            length--;
        }

        if (length > MaxLength)
        {
            tooLong = true;
        }

        _lineSource = source;
        _lineStart = start;
        _lineLength = tooLong ? 0 : length;
        return tooLong ? LineStatus.TooLong : LineStatus.Line;
    }

    private bool Fill()
    {
        _position = 0;
        _end = _reader.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    private void EnsureAssembledCapacity(int needed)
    {
        if (needed > _assembled.Length)
        {
            Array.Resize(ref _assembled, Math.Min(Math.Max(needed, _assembled.Length * 2), MaxLength + 1));
        }
    }
}
