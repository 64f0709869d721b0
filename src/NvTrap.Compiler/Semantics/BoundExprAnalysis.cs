using System.Collections.Generic;

namespace NvTrap.Compiler.Semantics;

/// <summary>Questions about a bound expression that the emitter and the interpreter both ask.</summary>
internal static class BoundExprAnalysis
{
    /// <summary>The registers an expression reads, in first-use order (for explanations).</summary>
    public static int[] RegistersRead(BoundExpr expr)
    {
        var collector = new Collector();
        expr.Accept(collector);
        return collector.Registers.ToArray();
    }

    /// <summary>The parameters an expression reads, in first-use order.</summary>
    public static int[] ParametersRead(BoundExpr expr)
    {
        var collector = new Collector();
        expr.Accept(collector);
        return collector.Parameters.ToArray();
    }

    private sealed class Collector : IBoundExprVisitor<bool>
    {
        public List<int> Registers { get; } = new();

        public List<int> Parameters { get; } = new();

        public bool VisitConstant(BoundConstant node) => true;

        public bool VisitRegister(BoundRegisterValue node) => Add(Registers, node.Register);

        public bool VisitBits(BoundBits node) => Add(Registers, node.Register);

        public bool VisitEncodingField(BoundEncodingField node) => true;

        public bool VisitVariable(BoundVariable node) => true;

        public bool VisitExceptionLevel(BoundExceptionLevel node) => true;

        public bool VisitParameter(BoundParameterValue node) => Add(Parameters, node.Parameter);

        public bool VisitUnary(BoundUnary node) => node.Operand.Accept(this);

        public bool VisitBinary(BoundBinary node) => node.Left.Accept(this) && node.Right.Accept(this);

        public bool VisitChain(BoundChain node) => All(node.Operands);

        public bool VisitConditional(BoundConditional node) =>
            node.Condition.Accept(this) && node.WhenTrue.Accept(this) && node.WhenFalse.Accept(this);

        public bool VisitCall(BoundCall node) => All(node.Arguments);

        private bool All(IEnumerable<BoundExpr> items)
        {
            foreach (var item in items)
            {
                item.Accept(this);
            }

            return true;
        }

        private static bool Add(List<int> found, int item)
        {
            if (!found.Contains(item))
            {
                found.Add(item);
            }

            return true;
        }
    }
}
