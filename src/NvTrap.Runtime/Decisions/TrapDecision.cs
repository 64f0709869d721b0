using System;

namespace NvTrap;

/// <summary>
/// The outcome of one decision and what caused it: a small value, so deciding allocates nothing.
/// For a coarse forward, <see cref="Group"/> is the encoding's group and <see cref="Member"/> the
/// control or condition inside it that matched; for a fine-grained forward or an undefined
/// access, <see cref="FineGrainedGroup"/> and <see cref="FineGrainedBit"/> name the bit;
/// <see cref="Filter"/> names the filter that switched the fine-grained entry off, if one did.
/// </summary>
public readonly struct TrapDecision : IEquatable<TrapDecision>
{
    // The access is kept as the ISS bits that name the register plus the direction bit
    // (Esr.IssKey | ISS[0]), the form the engine already holds: repacking the encoding is left to
    // the callers that read it. 12 bytes in all, returned in registers.
    private const uint DirectionBit = EncodingLayout.IssDirectionRead;

    private readonly uint _access;
    private readonly ushort _group;
    private readonly ushort _member;
    private readonly DecisionReason _reason;
    private readonly byte _fineGrainedGroup;
    private readonly byte _fineGrainedBit;
    private readonly byte _filter;

    private TrapDecision(DecisionReason reason, uint access, int group, int member, int fineGrainedGroup, int fineGrainedBit, int filter)
    {
        _filter = (byte)filter;
        _reason = reason;
        _access = access;
        _group = (ushort)group;
        _member = (ushort)member;
        _fineGrainedGroup = (byte)fineGrainedGroup;
        _fineGrainedBit = (byte)fineGrainedBit;
    }

    /// <summary>True when the trap is forwarded to the guest hypervisor (L1).</summary>
    /// <remarks>
    /// One unsigned compare of the reason (fine-grained and coarse traps are adjacent), which
    /// compiles to a flag, not a branch: an <c>is A or B</c> pattern would be a branch, and on
    /// unpredictable decisions a mispredicted one.
    /// </remarks>
    public bool Forward => (uint)(_reason - DecisionReason.FineGrainedTrap) <= DecisionReason.CoarseTrap - DecisionReason.FineGrainedTrap;

    /// <summary>Forward, local, or undefined for this VM.</summary>
    public TrapOutcome Outcome => Forward ? TrapOutcome.Forward : _reason == DecisionReason.FeatureHidden ? TrapOutcome.Undefined : TrapOutcome.Local;

    /// <summary>Why.</summary>
    public DecisionReason Reason => _reason;

    /// <summary>The accessed encoding (default for a non-EC-0x18 ESR).</summary>
    public SysRegEncoding Encoding => SysRegEncoding.FromIssKey(_access);

    /// <summary>Whether the access was a read.</summary>
    public bool IsRead => (_access & DirectionBit) != 0;

    /// <summary>The encoding's coarse group id, 0 if none.</summary>
    public int Group => _group;

    /// <summary>The control or condition group that matched, 0 if none.</summary>
    public int Member => _member;

    /// <summary>The fine-grained group id that forwarded or hid the access, 0 if none.</summary>
    public int FineGrainedGroup => _fineGrainedGroup;

    /// <summary>The fine-grained bit that forwarded or hid the access (meaningful when <see cref="FineGrainedGroup"/> is not 0).</summary>
    public int FineGrainedBit => _fineGrainedBit;

    /// <summary>The filter that switched the encoding's fine-grained entry off for this access, 0 if none did.</summary>
    public int Filter => _filter;

    /// <summary>The engine's constructor: <paramref name="access"/> is <see cref="Esr.IssKey"/> with ISS[0] (the direction).</summary>
    internal static TrapDecision FromAccess(DecisionReason reason, uint access, int group = 0, int member = 0, int fineGrainedGroup = 0, int fineGrainedBit = 0, int filter = 0) =>
        new(reason, access, group, member, fineGrainedGroup, fineGrainedBit, filter);

    /// <inheritdoc />
    public bool Equals(TrapDecision other) =>
        _reason == other._reason && _access == other._access && _group == other._group && _member == other._member
        && _fineGrainedGroup == other._fineGrainedGroup && _fineGrainedBit == other._fineGrainedBit && _filter == other._filter;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TrapDecision other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_reason, _access, _group, _member, _fineGrainedGroup, _fineGrainedBit, _filter);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Outcome} ({Reason}) {Encoding} {(IsRead ? "read" : "write")} group={Group} member={Member} fgt={FineGrainedGroup}:{FineGrainedBit} filter={Filter}";

    /// <summary>Equality.</summary>
    public static bool operator ==(TrapDecision left, TrapDecision right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(TrapDecision left, TrapDecision right) => !left.Equals(right);
}
