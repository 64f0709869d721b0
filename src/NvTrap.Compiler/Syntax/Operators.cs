using NvTrap.Compiler.Common;

namespace NvTrap.Compiler.Syntax;

/// <summary>The unary operators of the expression language.</summary>
internal enum UnaryOperator
{
    /// <summary><c>!x</c>: 1 when x is 0, else 0.</summary>
    LogicalNot,

    /// <summary><c>~x</c>: every bit flipped.</summary>
    BitwiseNot,

    /// <summary><c>-x</c>: two's-complement negation, modulo 2^64.</summary>
    Negate,
}

/// <summary>The binary operators of the expression language, each with C's meaning on unsigned 64-bit values.</summary>
internal enum BinaryOperator
{
    LogicalOr,
    LogicalAnd,
    BitwiseOr,
    BitwiseXor,
    BitwiseAnd,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    ShiftLeft,
    ShiftRight,
    Add,
    Subtract,
    Multiply,
}

/// <summary>How operators are written and how tightly they bind (as in C).</summary>
internal static class Operators
{
    /// <summary>Binding levels from loosest (0) to tightest.</summary>
    public const int Levels = 10;

    public static string Text(UnaryOperator op) => op switch
    {
        UnaryOperator.LogicalNot => "!",
        UnaryOperator.BitwiseNot => "~",
        UnaryOperator.Negate => "-",
    };

    public static string Text(BinaryOperator op) => op switch
    {
        BinaryOperator.LogicalOr => "||",
        BinaryOperator.LogicalAnd => "&&",
        BinaryOperator.BitwiseOr => "|",
        BinaryOperator.BitwiseXor => "^",
        BinaryOperator.BitwiseAnd => "&",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.ShiftLeft => "<<",
        BinaryOperator.ShiftRight => ">>",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
    };

    /// <summary>The binding level, 0 loosest: || &amp;&amp; | ^ &amp; (== !=) (&lt; &lt;= &gt; &gt;=) (&lt;&lt; &gt;&gt;) (+ -) *.</summary>
    public static int Level(BinaryOperator op) => op switch
    {
        BinaryOperator.LogicalOr => 0,
        BinaryOperator.LogicalAnd => 1,
        BinaryOperator.BitwiseOr => 2,
        BinaryOperator.BitwiseXor => 3,
        BinaryOperator.BitwiseAnd => 4,
        BinaryOperator.Equal or BinaryOperator.NotEqual => 5,
        BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => 6,
        BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight => 7,
        BinaryOperator.Add or BinaryOperator.Subtract => 8,
        BinaryOperator.Multiply => 9,
    };

    /// <summary>
    /// Whether <c>(a op b) op c</c> equals <c>a op (b op c)</c>, so a run of the operator can be
    /// held as one list of operands: a long run then costs no nesting depth.
    /// </summary>
    public static bool IsAssociative(BinaryOperator op) => op switch
    {
        BinaryOperator.LogicalOr or BinaryOperator.LogicalAnd or BinaryOperator.BitwiseOr or BinaryOperator.BitwiseXor
            or BinaryOperator.BitwiseAnd or BinaryOperator.Add or BinaryOperator.Multiply => true,
        BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater
            or BinaryOperator.GreaterOrEqual or BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight or BinaryOperator.Subtract => false,
    };

    /// <summary>Whether the operator yields a truth value (0 or 1).</summary>
    public static bool IsComparisonOrLogical(BinaryOperator op) => op switch
    {
        BinaryOperator.LogicalOr or BinaryOperator.LogicalAnd or BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less
            or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => true,
        BinaryOperator.BitwiseOr or BinaryOperator.BitwiseXor or BinaryOperator.BitwiseAnd or BinaryOperator.ShiftLeft
            or BinaryOperator.ShiftRight or BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply => false,
    };

    public static bool TryParseBinary(string text, out BinaryOperator op)
    {
        foreach (BinaryOperator candidate in System.Enum.GetValues(typeof(BinaryOperator)))
        {
            if (Text(candidate) == text)
            {
                op = candidate;
                return true;
            }
        }

        op = default;
        return false;
    }

    public static bool TryParseUnary(string text, out UnaryOperator op)
    {
        foreach (UnaryOperator candidate in System.Enum.GetValues(typeof(UnaryOperator)))
        {
            if (Text(candidate) == text)
            {
                op = candidate;
                return true;
            }
        }

        op = default;
        return false;
    }
}
