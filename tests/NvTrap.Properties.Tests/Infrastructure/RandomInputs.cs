using NvTrap.Compiler.Lowering;
using NvTrap.Properties.Tests.Generation;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// Random vCPU states, VM profiles and ESRs for one ruleset: register values biased to edges and
/// steered to match the ruleset's controls, profiles that hide fine-grained bits, change reserved
/// bits and set parameters anywhere in (and at the ends of) their ranges, and ESRs that mostly
/// name an encoding the ruleset configures, sometimes anything at all.
/// </summary>
internal sealed class RandomInputs
{
    private readonly Draw _draw;
    private readonly LoweredRuleset _lowered;
    private readonly VmProfile _defaults;
    private readonly SysRegEncoding[] _configured;
    private readonly Dictionary<int, ControlHint[]> _hints;

    public RandomInputs(Draw draw, LoweredRuleset lowered, VmProfile defaults, SysRegEncoding[] configured, IEnumerable<ControlHint> hints)
    {
        _draw = draw;
        _lowered = lowered;
        _defaults = defaults;
        _configured = configured;
        var index = lowered.Registers.ToDictionary(r => r.Name, r => r.Index, StringComparer.Ordinal);
        _hints = hints.Where(h => index.ContainsKey(h.Register)).GroupBy(h => index[h.Register]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public VcpuState State()
    {
        var state = new VcpuState
        {
            HasNestedVirtualization = !_draw.OneIn(12),
            CurrentEl = (ExceptionLevel)_draw.Below(3),
        };
        foreach (var register in _lowered.Registers)
        {
            ulong value = _draw.Value();
            if (_hints.TryGetValue(register.Index, out var hints) && !_draw.OneIn(3))
            {
                // Match one control on the register, or several at once where they agree.
                for (int k = 1 + _draw.Below(hints.Length); k > 0; k--)
                {
                    var hint = _draw.Pick(hints);
                    value = (value & ~hint.Mask) | (hint.Value & hint.Mask);
                }
            }

            state[register.Index] = value;
        }

        return state;
    }

    public VmProfile Vm()
    {
        var vm = _defaults;
        if (_draw.OneIn(3))
        {
            return vm;
        }

        for (int g = 1; g <= _lowered.FineGrainedGroups.Count; g++)
        {
            if (_draw.OneIn(3))
            {
                vm.SetHiddenBits(g, _draw.OneIn(3) ? _draw.Value() : 1UL << _draw.Below(64));
            }
        }

        foreach (var register in _lowered.Registers)
        {
            if (register.IsSanitised && _draw.OneIn(3))
            {
                ulong res0 = _draw.Coin() ? _draw.Value() : register.Res0 ^ (1UL << _draw.Below(64));
                ulong res1 = _draw.Coin() ? register.Res1 : _draw.Value() & ~res0;
                vm.SetReserved(register.Index, res0, res1);
            }
        }

        foreach (var parameter in _lowered.Parameters)
        {
            if (_draw.Coin())
            {
                ulong span = parameter.Max - parameter.Min;
                ulong value = _draw.Below(3) switch
                {
                    0 => parameter.Min,
                    1 => parameter.Max,
                    _ => span == ulong.MaxValue ? _draw.Value() : parameter.Min + (_draw.Bits() % (span + 1)),
                };
                vm.SetParameter(parameter.Index, value);
            }
        }

        return vm;
    }

    public Esr Esr()
    {
        if (_draw.OneIn(40))
        {
            return new Esr(_draw.Value());
        }

        var encoding = _configured.Length > 0 && !_draw.OneIn(5)
            ? _draw.Pick(_configured)
            : SysRegEncoding.Create(_draw.Below(4), _draw.Below(8), _draw.Below(16), _draw.Below(16), _draw.Below(8));
        var esr = NvTrap.Esr.ForSysRegAccess(encoding, _draw.Coin(), rt: _draw.Below(32), instructionLength32: !_draw.OneIn(8));
        return _draw.OneIn(16) ? new Esr(esr.Value | (_draw.Bits() << 32)) : esr;
    }

    public SysRegEncoding Encoding() => _configured.Length > 0 && _draw.Coin()
        ? _draw.Pick(_configured)
        : SysRegEncoding.Create(_draw.Below(4), _draw.Below(8), _draw.Below(16), _draw.Below(16), _draw.Below(8));
}
