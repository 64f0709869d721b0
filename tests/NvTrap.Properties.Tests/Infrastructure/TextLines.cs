namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>Lines as the YAML parser and Roslyn count them: CR LF, CR, LF, NEL, LS and PS each end one.</summary>
internal sealed class TextLines
{
    private readonly List<int> _starts = new() { 0 };
    private readonly string _text;

    public TextLines(string text)
    {
        _text = text;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                _starts.Add(i + 1);
            }
        }
    }

    public int Count => _starts.Count;

    /// <summary>The length of 1-based line <paramref name="line"/>, without its line end.</summary>
    public int Length(int line)
    {
        int start = _starts[line - 1];
        int end = line < _starts.Count ? _starts[line] : _text.Length;
        while (end > start && _text[end - 1] is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
        {
            end--;
        }

        return end - start;
    }

    /// <summary>The 1-based line and column of offset <paramref name="offset"/>.</summary>
    public (int Line, int Column) At(int offset)
    {
        int index = _starts.BinarySearch(offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _starts[line] + 1);
    }
}
