using System.Collections.Generic;

namespace NvTrap.Compiler.Semantics;

/// <summary>Questions about a bound expression that the emitter and the interpreter both ask.</summary>
internal static class BoundExprAnalysis
{
    /// <summary>The registers an expression reads, in first-use order (for explanations).</summary>
    public static int[] RegistersRead(BoundExpr expr)
    {
        var collector = new RegisterCollector();
        expr.Accept(collector);
        return collector.Found.ToArray();
    }

    private sealed class RegisterCollector : IBoundExprVisitor<bool>
    {
        public List<int> Found { get; } = new();

        public bool VisitConstant(BoundConstant node) => true;

        public bool VisitRegister(BoundRegisterValue node) => Add(node.Register);

        public bool VisitBits(BoundBits node) => Add(node.Register);

        public bool VisitEncodingField(BoundEncodingField node) => true;

        public bool VisitVariable(BoundVariable node) => true;

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

        private bool Add(int register)
        {
            if (!Found.Contains(register))
            {
                Found.Add(register);
            }

            return true;
        }
    }
}
