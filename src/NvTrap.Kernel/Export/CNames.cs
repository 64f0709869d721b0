using System;
using System.Collections.Generic;

namespace NvTrap.Kernel.Export;

/// <summary>
/// The C names an exported tree declares besides the rules' own, and C's keywords: a rule name
/// that would be written as one of them is refused before export, since the tree would not compile.
/// The writer declares its enumerators through these constants.
/// </summary>
internal static class CNames
{
    public const string InvalidSysreg = "__INVALID_SYSREG__";
    public const string SysregCount = "NR_SYS_REGS";
    public const string NoFineGrainedGroup = "__NO_FGT_GROUP__";
    public const string FineGrainedGroupCount = "__NR_FGT_GROUP_IDS__";
    public const string ReservedGroup = "__RESERVED__";
    public const string MultipleControlBits = "__MULTIPLE_CONTROL_BITS__";
    public const string ComplexConditions = "__COMPLEX_CONDITIONS__";
    public const string GroupCount = "__NR_CGT_GROUP_IDS__";
    public const string NoFilter = "__NO_FGF__";
    public const string FilterCount = "__NR_FG_FILTER_IDS__";
    public const string HandleLocally = "BEHAVE_HANDLE_LOCALLY";
    public const string ForwardRead = "BEHAVE_FORWARD_READ";
    public const string ForwardWrite = "BEHAVE_FORWARD_WRITE";
    public const string ForwardAny = "BEHAVE_FORWARD_RW";
    public const string ForwardInHostEl0 = "BEHAVE_FORWARD_IN_HOST_EL0";

    /// <summary>The enumerators every exported tree declares itself.</summary>
    public static readonly IReadOnlyList<string> Reserved = new[]
    {
        InvalidSysreg, SysregCount, NoFineGrainedGroup, FineGrainedGroupCount, ReservedGroup, MultipleControlBits,
        ComplexConditions, GroupCount, NoFilter, FilterCount, HandleLocally, ForwardRead, ForwardWrite, ForwardAny, ForwardInHostEl0,
    };

    // C17's keywords and those C23 adds (the kernel builds with -std=gnu11 today), and GNU's
    // spellings the kernel uses.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
        "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof",
        "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof",
        "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local",
        "alignas", "alignof", "bool", "constexpr", "false", "nullptr", "static_assert", "thread_local", "true", "typeof",
        "typeof_unqual", "_BitInt", "_Decimal32", "_Decimal64", "_Decimal128", "asm", "__asm__", "__attribute__",
        "__typeof__", "__inline__", "__volatile__", "__restrict__", "__extension__",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);
}
