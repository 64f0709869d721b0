using System;

namespace NvTrap;

/// <summary>
/// The outcome of one decision and what caused it: a small value, so deciding allocates nothing.
/// For a coarse forward, <see cref="Group"/> is the encoding's group and <see cref="Member"/> the
/// control or condition inside it that matched; for a fine-grained forward,
/// <see cref="FineGrainedGroup"/> and <see cref="FineGrainedBit"/> name the bit.
/// </summary>
public readonly struct TrapDecision : IEquatable<TrapDecision>
{
    private TrapDecision(DecisionReason reason, SysRegEncoding encoding, bool isRead, ushort group, ushort member, byte fineGrainedGroup, byte fineGrainedBit)
    {
        Reason = reason;
        Encoding = encoding;
        IsRead = isRead;
        Group = group;
        Member = member;
        FineGrainedGroup = fineGrainedGroup;
        FineGrainedBit = fineGrainedBit;
    }

    /// <summary>True when the trap is forwarded to the guest hypervisor (L1).</summary>
    public bool Forward => Reason is DecisionReason.FineGrainedTrap or DecisionReason.CoarseTrap;

    /// <summary>Why.</summary>
    public DecisionReason Reason { get; }

    /// <summary>The accessed encoding (default for a non-EC-0x18 ESR).</summary>
    public SysRegEncoding Encoding { get; }

    /// <summary>Whether the access was a read.</summary>
    public bool IsRead { get; }

    /// <summary>The encoding's coarse group id, 0 if none.</summary>
    public int Group { get; }

    /// <summary>The control or condition group that matched, 0 if none.</summary>
    public int Member { get; }

    /// <summary>The fine-grained group id that forwarded, 0 if none.</summary>
    public int FineGrainedGroup { get; }

    /// <summary>The fine-grained bit that forwarded (meaningful when <see cref="FineGrainedGroup"/> is not 0).</summary>
    public int FineGrainedBit { get; }

    /// <summary>A local decision for a reason that involves no rule.</summary>
    public static TrapDecision Local(DecisionReason reason, SysRegEncoding encoding, bool isRead) =>
        new(reason, encoding, isRead, 0, 0, 0, 0);

    /// <summary>A configured encoding whose group did not ask for this access.</summary>
    public static TrapDecision NotTrapped(SysRegEncoding encoding, bool isRead, int group) =>
        new(DecisionReason.NotTrapped, encoding, isRead, (ushort)group, 0, 0, 0);

    /// <summary>Forwarded by a fine-grained bit.</summary>
    public static TrapDecision ByFineGrained(SysRegEncoding encoding, bool isRead, int group, int fineGrainedGroup, int bit) =>
        new(DecisionReason.FineGrainedTrap, encoding, isRead, (ushort)group, 0, (byte)fineGrainedGroup, (byte)bit);

    /// <summary>Forwarded by a coarse group's member.</summary>
    public static TrapDecision ByCoarse(SysRegEncoding encoding, bool isRead, int group, int member) =>
        new(DecisionReason.CoarseTrap, encoding, isRead, (ushort)group, (ushort)member, 0, 0);

    /// <inheritdoc />
    public bool Equals(TrapDecision other) =>
        Reason == other.Reason && Encoding == other.Encoding && IsRead == other.IsRead && Group == other.Group
        && Member == other.Member && FineGrainedGroup == other.FineGrainedGroup && FineGrainedBit == other.FineGrainedBit;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TrapDecision other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Reason, Encoding, IsRead, Group, Member, FineGrainedGroup, FineGrainedBit);

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Forward ? "forward" : "local")} ({Reason}) {Encoding} {(IsRead ? "read" : "write")} group={Group} member={Member} fgt={FineGrainedGroup}:{FineGrainedBit}";

    /// <summary>Equality.</summary>
    public static bool operator ==(TrapDecision left, TrapDecision right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(TrapDecision left, TrapDecision right) => !left.Equals(right);
}
