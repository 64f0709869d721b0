using NvTrap.Compiler.Evaluation;
using NvTrap.Compiler.Semantics;

namespace NvTrap.Runtime.Tests.Reference;

/// <summary>
/// A deliberately plain re-statement of the kernel's trap-forwarding algorithm over the bound
/// rules: a dictionary from encoding to (coarse group, fine-grained group, bit, polarity) built by
/// walking the entries, recursive combination evaluation, the fine-grained bit first with RES0
/// cleared, conditions evaluated from their expressions. It shares no code with the generated
/// tables, the perfect hash or the decision engine, so agreement means something.
/// </summary>
internal sealed class KernelReferenceModel
{
    private const int Read = 1;
    private const int Write = 2;

    private readonly BoundRuleset _rules;
    private readonly Dictionary<ushort, (int Cgt, int Fgt, int Bit, int Pol)> _config = new();
    private readonly int _hcr;

    public KernelReferenceModel(BoundRuleset rules)
    {
        _rules = rules;
        _hcr = rules.FindRegister("HCR_EL2")?.Index ?? -1;
        foreach (var entry in rules.CoarseEntries)
        {
            for (int e = entry.First; e <= entry.Last; e++)
            {
                if (_config.ContainsKey((ushort)e))
                {
                    throw new InvalidOperationException($"duplicate coarse entry for {e:X4}");
                }

                _config[(ushort)e] = (entry.Group, 0, 0, 0);
            }
        }

        foreach (var entry in rules.FineGrainedEntries)
        {
            for (int e = entry.First; e <= entry.Last; e++)
            {
                _config.TryGetValue((ushort)e, out var tc);
                if (tc.Fgt != 0)
                {
                    throw new InvalidOperationException($"duplicate fine-grained entry for {e:X4}");
                }

                _config[(ushort)e] = (tc.Cgt, entry.FineGrainedGroup, entry.Bit, entry.TrapWhenSet ? 1 : 0);
            }
        }
    }

    public IReadOnlyDictionary<ushort, (int Cgt, int Fgt, int Bit, int Pol)> Config => _config;

    /// <summary>The kernel's __check_nv_sr_forward, given the vCPU's flags and registers.</summary>
    public bool Forward(bool hasNestedVirt, ExceptionLevel el, ulong[] registers, ulong esr)
    {
        if (((esr >> 26) & 0x3F) != 0x18)
        {
            return false;
        }

        if (!hasNestedVirt || IsHypervisorContext(el, registers))
        {
            return false;
        }

        ulong iss = esr & 0x1FFFFFF;
        ushort encoding = (ushort)((((iss >> 20) & 3) << 14) | (((iss >> 14) & 7) << 11) | (((iss >> 10) & 15) << 7) | (((iss >> 1) & 15) << 3) | ((iss >> 17) & 7));
        bool isRead = (iss & 1) == 1;
        if (!_config.TryGetValue(encoding, out var tc))
        {
            return false;
        }

        if (tc.Fgt != 0)
        {
            var group = _rules.FineGrainedGroups[tc.Fgt - 1];
            int register = isRead ? group.ReadRegister : group.WriteRegister;
            ulong value = registers[register] & ~_rules.Registers[register].Res0;
            if ((int)((value >> tc.Bit) & 1) == tc.Pol)
            {
                return true;
            }
        }

        int behaviour = ComputeBehaviour(tc.Cgt, registers, encoding);
        return ((behaviour & Read) != 0 && isRead) || ((behaviour & Write) != 0 && !isRead);
    }

    private bool IsHypervisorContext(ExceptionLevel el, ulong[] registers)
    {
        if (el == ExceptionLevel.El2)
        {
            return true;
        }

        // __is_hyp_ctxt: vEL2, or (E2H && TGE), or TGE alone (which the kernel warns about):
        // TGE set means a hypervisor context at any EL.
        ulong hcr = _hcr >= 0 ? registers[_hcr] : 0;
        return ((hcr >> 27) & 1) == 1;
    }

    private int ComputeBehaviour(int id, ulong[] registers, ushort encoding)
    {
        if (id == 0)
        {
            return 0;
        }

        switch (_rules.GroupById(id))
        {
            case BoundControl control:
                return (registers[control.Register] & control.Mask) == control.Value ? (int)control.Behaviour : 0;
            case BoundCombination combination:
                int b = 0;
                foreach (var member in combination.Members)
                {
                    b |= ComputeBehaviour(member.Group, registers, encoding);
                }

                return b;
            case BoundCondition condition:
                ulong result = ExpressionEvaluator.Evaluate(((ExpressionLogic)condition.Logic!).Expression, r => registers[r], encoding, 0);
                return result != 0 ? (int)condition.Behaviour : 0;
            default:
                throw new InvalidOperationException("unknown group kind");
        }
    }
}
