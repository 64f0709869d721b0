using System.Collections.Generic;

namespace NvTrap.Compiler.Binding;

/// <summary>Questions about a bound expression that the emitter and the interpreter both ask.</summary>
internal static class BoundExprAnalysis
{
    /// <summary>The registers an expression reads, in first-use order (for explanations).</summary>
    public static int[] RegistersRead(BoundExpr expr)
    {
        var found = new List<int>();
        Walk(expr, found);
        return found.ToArray();
    }

    private static void Walk(BoundExpr expr, List<int> found)
    {
        switch (expr)
        {
            case BoundRegisterValue r when !found.Contains(r.Register):
                found.Add(r.Register);
                break;
            case BoundBits b when !found.Contains(b.Register):
                found.Add(b.Register);
                break;
            case BoundUnary u:
                Walk(u.Operand, found);
                break;
            case BoundBinary b:
                Walk(b.Left, found);
                Walk(b.Right, found);
                break;
            case BoundConditional c:
                Walk(c.Condition, found);
                Walk(c.WhenTrue, found);
                Walk(c.WhenFalse, found);
                break;
            case BoundCall call:
                foreach (var argument in call.Arguments)
                {
                    Walk(argument, found);
                }

                break;
        }
    }
}
