namespace NvTrap.Compiler.Syntax;

/// <summary>
/// The spellings of the language's names and literals as regular expressions, written once for
/// both readers: the parser matches with them, and the JSON Schema an editor validates with
/// carries the same text. Each is plain enough to mean the same in .NET and in the ECMAScript
/// dialect JSON Schema patterns use (no named groups, no lookbehind, ASCII classes only).
/// </summary>
internal static class LanguagePatterns
{
    /// <summary>A name: a letter or '_', then letters, digits and '_'.</summary>
    public const string Identifier = "^[A-Za-z_][A-Za-z0-9_]*$";

    /// <summary>A ruleset's name: also '.', '+' and '-', so versions read naturally (linux-7.1).</summary>
    public const string RulesetName = "^[A-Za-z0-9_.+-]+$";

    /// <summary>A catalogue family's name: an optional prefix, one &lt;variable&gt; placeholder, an optional suffix.</summary>
    public const string FamilyName = "^([A-Za-z_][A-Za-z0-9_]*)?<([A-Za-z_][A-Za-z0-9_]*)>([A-Za-z0-9_]*)$";

    /// <summary>
    /// An integer literal as <see cref="IntegerLiteral"/> reads it, without anchors: decimal, 0x
    /// hex or 0b binary, with '_' anywhere but first (the reader drops every '_' before it looks
    /// at the prefix, so 0_x1F is hex too).
    /// </summary>
    public const string IntegerLiteralBody = "(?:0_*[xX][0-9A-Fa-f_]*[0-9A-Fa-f][0-9A-Fa-f_]*|0_*[bB][01_]*[01][01_]*|[0-9][0-9_]*)";

    /// <summary>A whole scalar that is an integer literal.</summary>
    public const string IntegerLiteral = "^" + IntegerLiteralBody + "$";

    /// <summary>An inclusive range <c>first..last</c> of two integer literals (the reader trims each side).</summary>
    public const string IndexRange = "^\\s*" + IntegerLiteralBody + "\\s*\\.\\.\\s*" + IntegerLiteralBody + "\\s*$";

    /// <summary>
    /// Anything shaped like a generic encoding name, S&lt;op0&gt;_&lt;op1&gt;_C&lt;CRn&gt;_C&lt;CRm&gt;_&lt;op2&gt;
    /// (see <see cref="GenericEncodingName"/>): the parser reads such a name as five fields, never
    /// as a catalogue name, so one with a field out of range is an error rather than a name.
    /// </summary>
    public const string GenericEncodingShape = "^[Ss][0-9]+_[0-9]+_[Cc][0-9]+_[Cc][0-9]+_[0-9]+$";

    /// <summary>A generic encoding name whose fields are in range: op0 0..3, op1 0..7, CRn and CRm 0..15, op2 0..7 (leading zeros allowed).</summary>
    public const string GenericEncoding = "^[Ss]0*[0-3]_0*[0-7]_[Cc]0*(?:1[0-5]|[0-9])_[Cc]0*(?:1[0-5]|[0-9])_0*[0-7]$";

    /// <summary>
    /// A fine-grained bit as the parser finds its parts: GROUP.FIELD, or GROUP[...] with anything
    /// but ']' inside, so a malformed number is reported inside the brackets rather than as a bad bit.
    /// </summary>
    public const string FineGrainedBitParts = @"^([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]*)\])$";

    /// <summary>The one-character operators and punctuation of expressions (two-character ones are pairs of these and '=').</summary>
    public const string OperatorCharacters = "!~-*+<>&^|?:()[].,";

    /// <summary>
    /// The characters an expression may hold: ASCII letters, digits and '_' (names are ASCII),
    /// white space, the operator characters and '=' (of ==, !=, &lt;=, &gt;=). Whether they form an
    /// expression is the expression parser's to say.
    /// </summary>
    public static readonly string ExpressionCharacters = "^[A-Za-z0-9_\\s=" + OperatorCharacters.Replace("-", string.Empty).Replace("^", "\\^").Replace("[", "\\[").Replace("]", "\\]") + "-]+$";

    /// <summary>A fine-grained bit the parser accepts: GROUP.FIELD, or GROUP[n] with an integer literal n.</summary>
    public const string FineGrainedBit = "^[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\s*" + IntegerLiteralBody + "\\s*\\])$";
}
