using System.Text;
using NvTrap.Compiler.Syntax;

namespace NvTrap.Properties.Tests.Generation;

/// <summary>
/// Random expressions over what an <see cref="ExpressionContext"/> allows, using every operator,
/// function and operand form of the language: ordinary trees, flat runs of thousands of terms of
/// one associative operator, and spines as deep as the parser allows (64 levels). The writer
/// tracks both depths the parser limits to 64: the tree's (parentheses add no level there) and its
/// own recursion's (each parenthesised group, unary operator, call argument and '?:' branch is one
/// more), so every expression it writes is within both. Its text also fits in one YAML value
/// (<see cref="MaxTextChars"/>), however long the names it uses.
/// </summary>
internal sealed class ExpressionWriter
{
    /// <summary>The parser's limit on both depths.</summary>
    public const int MaxDepth = ExpressionParser.MaxDepth;

    /// <summary>
    /// The longest text a valid rule may hold: the front end's limit on one value, less the line
    /// break a kept block scalar (<c>|+</c>, <c>&gt;+</c>) adds after it.
    /// </summary>
    public static readonly int MaxTextChars = YamlLimits.Default.MaxScalarChars - 1;

    private static readonly string[] Unary = { "!", "~", "-" };
    private static readonly string[] NonAssociative = { "-", "<<", ">>", "<", "<=", ">", ">=", "==", "!=" };
    private static readonly string[] Associative = { "*", "+", "|", "^", "&", "&&", "||" };
    private static readonly string[] EncodingFields = { "op0", "op1", "crn", "crm", "op2" };

    private readonly Draw _draw;
    private readonly ExpressionContext _context;
    private readonly bool _spaced;

    public ExpressionWriter(Draw draw, ExpressionContext context)
    {
        _draw = draw;
        _context = context;
        _spaced = !draw.OneIn(4);
    }

    /// <summary>One expression: usually a small tree, sometimes a long flat run or a deep spine.</summary>
    public string Write()
    {
        string text = _draw.Below(20) switch
        {
            0 => LongRun(),
            1 => DeepSpine(),
            _ => Tree(_draw.Between(1, 9)).Text,
        };

        // A wide tree or a deep spine over names of up to 256 characters can outgrow one value;
        // such a rule is invalid (NVT007), so draw shallower trees until one fits. Two levels is
        // a single operand, which always fits.
        for (int depth = 8; text.Length > MaxTextChars; depth = Math.Max(2, depth - 1))
        {
            text = Tree(depth).Text;
        }

        return text;
    }

    /// <summary>A random tree at most <paramref name="maxDepth"/> levels deep.</summary>
    private Node Tree(int maxDepth)
    {
        if (maxDepth <= 2 || _draw.OneIn(4))
        {
            return maxDepth >= 2 && _draw.Coin() ? Selector() : Leaf();
        }

        switch (_draw.Below(6))
        {
            case 0:
                return UnaryOf(Tree(maxDepth - 1));
            case 1:
                var left = Tree(maxDepth - 1);
                var right = Tree(maxDepth - 1);
                return Binary(_draw.Pick(NonAssociative), left, right);
            case 2:
                int count = _draw.Between(2, 6);
                var operands = Enumerable.Range(0, count).Select(_ => Tree(maxDepth - 1)).ToList();
                return Chain(_draw.Pick(Associative), operands);
            case 3:
                return Conditional(Tree(maxDepth - 1), Tree(maxDepth - 1), Tree(maxDepth - 1));
            case 4:
                return Call(maxDepth);
            default:
                return Selector();
        }
    }

    private Node Call(int maxDepth) => _draw.Below(3) switch
    {
        0 => Function("popcount", Tree(maxDepth - 1)),
        1 => Function("min", Tree(maxDepth - 1), Tree(maxDepth - 1)),
        _ => Function("max", Tree(maxDepth - 1), Tree(maxDepth - 1)),
    };

    /// <summary>
    /// A flat run of one associative operator: one chain, one level above its operands, as long as
    /// drawn or until the next term would not fit in one value (so long names make runs that end
    /// right at the limit).
    /// </summary>
    private string LongRun()
    {
        string op = _draw.Pick(Associative);
        int terms = _draw.OneIn(5) ? _draw.Between(1_000, 5_000) : _draw.Between(20, 400);
        var text = new StringBuilder(Leaf().Text);
        for (int i = 1; i < terms; i++)
        {
            var operand = _draw.OneIn(3) ? Selector() : Leaf();
            if (text.Length + op.Length + 2 + operand.Text.Length > MaxTextChars)
            {
                break;
            }

            Join(text, op, operand.Text, _spaced && _draw.OneIn(8));
        }

        return text.ToString();
    }

    /// <summary>A spine of wrappers, each adding one level, to exactly the depth drawn (up to the limit).</summary>
    private string DeepSpine()
    {
        int target = _draw.OneIn(3) ? MaxDepth : _draw.Between(20, MaxDepth);
        var node = Leaf();
        while (node.Depth < target && node.Nest < MaxDepth - 3)
        {
            node = _draw.Below(6) switch
            {
                0 => UnaryOf(node),
                1 => Binary(_draw.Pick(NonAssociative), node, Leaf()),
                2 => Binary(_draw.Pick(NonAssociative), Leaf(), node),
                3 => Chain(_draw.Pick(Associative), new List<Node> { Leaf(), node, Leaf() }),
                4 => Conditional(node, Leaf(), Leaf()),
                _ => _draw.Coin() ? Function("popcount", node) : Function(_draw.Coin() ? "min" : "max", node, Leaf()),
            };
        }

        return node.Text;
    }

    private Node Leaf()
    {
        var choices = new List<Func<Node>>
        {
            () => new Node(_draw.OneIn(8) ? (_draw.Coin() ? "true" : "false") : NumberText.Spell(_draw, _draw.Value()), 1, false),
            () => new Node("el", 1, false),
        };
        if (_context.Registers.Count > 0)
        {
            choices.Add(() => new Node(_draw.Pick(_context.Registers).Name, 1, false));
            choices.Add(() => new Node(_draw.Pick(_context.Registers).Name, 1, false));
        }

        if (_context.Parameters.Count > 0)
        {
            choices.Add(() => new Node(_draw.Pick(_context.Parameters), 1, false));
        }

        if (_context.EncodingFields)
        {
            choices.Add(() => new Node(_draw.Pick(EncodingFields), 1, false));
            choices.Add(() => new Node(_draw.Pick(EncodingFields), 1, false));
        }

        if (_context.Variable is { } variable)
        {
            choices.Add(() => new Node(variable, 1, false));
        }

        return _draw.Pick(choices)();
    }

    /// <summary>A field, one bit or a bit range of a register: two levels, as the parser counts them.</summary>
    private Node Selector()
    {
        if (_context.Registers.Count == 0)
        {
            return Leaf();
        }

        var register = _draw.Pick(_context.Registers);
        if (register.Fields.Count > 0 && _draw.Coin())
        {
            return new Node(register.Name + "." + _draw.Pick(register.Fields).Name, 2, false);
        }

        if (_draw.Coin())
        {
            return new Node($"{register.Name}[{NumberText.Spell(_draw, (ulong)_draw.Below(64))}]", 2, false, 1);
        }

        int hi = _draw.Below(64);
        int lo = _draw.Between(0, hi);
        string colon = _spaced && _draw.OneIn(4) ? " : " : ":";
        return new Node($"{register.Name}[{NumberText.Spell(_draw, (ulong)hi)}{colon}{NumberText.Spell(_draw, (ulong)lo)}]", 2, false, 1);
    }

    private Node UnaryOf(Node operand)
    {
        string op = _draw.Pick(Unary);
        string text = Grouped(operand);

        // "--x" would not read as two minus signs in most languages; write "- -x".
        string gap = text.StartsWith('-') || (_spaced && _draw.OneIn(6)) ? " " : string.Empty;
        return new Node(op + gap + text, operand.Depth + 1, true, 1 + operand.AsOperand);
    }

    private Node Binary(string op, Node left, Node right)
    {
        var text = new StringBuilder(Grouped(left));
        Join(text, op, Grouped(right), false);
        return new Node(text.ToString(), 1 + Math.Max(left.Depth, right.Depth), true, Math.Max(left.AsOperand, right.AsOperand));
    }

    private Node Chain(string op, IReadOnlyList<Node> operands)
    {
        var text = new StringBuilder(Grouped(operands[0]));
        for (int i = 1; i < operands.Count; i++)
        {
            Join(text, op, Grouped(operands[i]), false);
        }

        return new Node(text.ToString(), 1 + operands.Max(o => o.Depth), true, operands.Max(o => o.AsOperand));
    }

    private Node Conditional(Node condition, Node whenTrue, Node whenFalse)
    {
        string s = _spaced ? " " : string.Empty;
        return new Node(
            $"{Grouped(condition)}{s}?{s}{Grouped(whenTrue)}{s}:{s}{Grouped(whenFalse)}",
            1 + Math.Max(condition.Depth, Math.Max(whenTrue.Depth, whenFalse.Depth)),
            true,
            Math.Max(condition.AsOperand, 1 + Math.Max(whenTrue.AsOperand, whenFalse.AsOperand)));
    }

    private Node Function(string name, params Node[] arguments)
    {
        string separator = _spaced ? ", " : ",";
        return new Node($"{name}({string.Join(separator, arguments.Select(a => a.Text))})", 1 + arguments.Max(a => a.Depth), false, 1 + arguments.Max(a => a.Nest));
    }

    /// <summary>A compound operand in parentheses (sometimes padded), so the tree parsed is the tree written.</summary>
    private string Grouped(Node node) => node.Compound ? (_spaced && _draw.OneIn(6) ? "( " + node.Text + " )" : "(" + node.Text + ")") : node.Text;

    private void Join(StringBuilder text, string op, string right, bool lineBreak)
    {
        bool space = _spaced || (text.Length > 0 && text[^1] == '-' && right.StartsWith('-')) || (op == "-" && right.StartsWith('-'));
        text.Append(space ? (lineBreak ? "\t" : " ") : string.Empty).Append(op).Append(space ? " " : string.Empty).Append(right);
    }

    /// <summary>An expression's text, its tree depth, and how deep the parser recurses to read it (<see cref="Nest"/>).</summary>
    private sealed record Node(string Text, int Depth, bool Compound, int Nest = 0)
    {
        /// <summary>The recursion it takes as an operand: one more when it is parenthesised.</summary>
        public int AsOperand => Nest + (Compound ? 1 : 0);
    }
}
