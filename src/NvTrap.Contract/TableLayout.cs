using System.Runtime.CompilerServices;

#if NVTRAP_COMPILER
namespace NvTrap.Compiler.Contract;
#else
namespace NvTrap;
#endif

/// <summary>
/// The layout of every table a compiled ruleset hands the decision engine. The compiler builds
/// the tables once and serializes them as little-endian bytes; generated code stores those bytes
/// as static data, the <c>nvtrap</c> tool keeps them in arrays, and the engine reads both through
/// these definitions. Tables the engine indexes with a computed value are padded to a power of
/// two so the index can be masked instead of range-checked.
/// </summary>
public static class TableLayout
{
    /// <summary>
    /// The lookup from ISS key to packed config: a collision-free hash. Buckets are the key's
    /// op0, op2, op1 and CRn (ISS bits [21:10]), so keys of one bucket differ only in CRm; a
    /// bucket's 16-bit displacement moves its keys onto free slots. A slot holds the key in its
    /// upper 32 bits and the config in its lower 32 (an empty slot is all zero), so a key that
    /// was never configured is rejected by a compare.
    /// </summary>
    public static class Lookup
    {
        /// <summary>A bucket is the ISS key shifted right by this much.</summary>
        public const int BucketShift = 10;

        /// <summary>Buckets in the displacement table (16-bit entries), whatever the ruleset.</summary>
        public const int BucketCount = 1 << 12;

        /// <summary>Bytes per displacement.</summary>
        public const int DisplacementSize = 2;

        /// <summary>Bytes per slot.</summary>
        public const int SlotSize = 8;

        /// <summary>Most slots a table may have: enough for every encoding.</summary>
        public const int MaxSlotBits = 16;

        /// <summary>The bucket of a key.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Bucket(uint key) => (int)(key >> BucketShift);

        /// <summary>The slot of a key: a bijection on a bucket's keys for any displacement.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Slot(uint key, uint displacement, int slotMask) => (int)(((key >> 1) ^ displacement) & (uint)slotMask);

        /// <summary>What a slot holds for a key and its config.</summary>
        public static ulong Entry(uint key, uint config) => ((ulong)key << 32) | config;

        /// <summary>The config a slot gives a key: its own config if the slot holds the key, else 0.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Config(ulong slot, uint key) => (uint)(slot >> 32) == key ? (uint)slot : 0;
    }

    /// <summary>
    /// The decision lists: list <c>2 * group + 1</c> holds the group's flattened members that
    /// forward a read, list <c>2 * group</c> those that forward a write, as consecutive runs of
    /// <see cref="MemberTest"/> records. Each list start is a 32-bit word: the first record's
    /// index in bits [30:0], and bit 31 set when the list holds a condition (so the engine's
    /// common loop makes no call). The table has one start more than there are lists; list n
    /// ends where list n + 1 starts.
    /// </summary>
    public static class DecisionLists
    {
        /// <summary>Bytes per list start.</summary>
        public const int StartSize = 4;

        /// <summary>Bit 31 of a start: the list holds a condition.</summary>
        public const uint HoldsCondition = 0x8000_0000;

        /// <summary>The record index of a start word.</summary>
        public const uint IndexMask = 0x7FFF_FFFF;

        /// <summary>The list of a group for an access direction.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int List(int group, bool isRead) => (group << 1) | (isRead ? 1 : 0);
    }

    /// <summary>
    /// Every group's flattened members in member order (a control or condition is its own only
    /// member), for explanations and listings: a 16-bit start per group (group id order, id 0
    /// the empty "none" group) plus one for the end, the records, and a byte per group with its
    /// <see cref="RuleGroupKind"/>.
    /// </summary>
    public static class Groups
    {
        /// <summary>Bytes per group start.</summary>
        public const int StartSize = 2;
    }

    /// <summary>
    /// The register each fine-grained group tests: one byte per (group, direction) at
    /// <c>(group &lt;&lt; 1) | isRead</c>, for every group id the config can hold.
    /// </summary>
    public static class FineGrainedRegisters
    {
        /// <summary>Entries in the table.</summary>
        public const int Count = (Capacities.MaxFineGrainedGroups + 1) * 2;

        /// <summary>The entry of a group and direction.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Index(int fineGrainedGroup, bool isRead) => ((fineGrainedGroup << 1) | (isRead ? 1 : 0)) & (Count - 1);
    }

    /// <summary>
    /// The default reserved bits of each register, one table for RES0 and one for RES1: a 64-bit
    /// mask per register index, for all <see cref="Capacities.MaxRegisters"/>. Both are 0 for a
    /// register the ruleset does not sanitise.
    /// </summary>
    public static class RegisterMasks
    {
        /// <summary>Bytes per mask.</summary>
        public const int Size = 8;

        /// <summary>The entry of a register, masked into the table.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Index(int register) => register & (Capacities.MaxRegisters - 1);
    }

    /// <summary>The default value of each named VM parameter: a 64-bit value per parameter index, for all <see cref="Capacities.MaxParameters"/>.</summary>
    public static class Parameters
    {
        /// <summary>Bytes per value.</summary>
        public const int Size = 8;

        /// <summary>The entry of a parameter, masked into the table.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Index(int parameter) => parameter & (Capacities.MaxParameters - 1);
    }
}
