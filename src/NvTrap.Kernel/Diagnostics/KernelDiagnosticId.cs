namespace NvTrap.Kernel.Diagnostics;

/// <summary>
/// The importer's diagnostic ids (NVTK001 and up), each documented in docs/import.md. They are
/// kept apart from the rule compiler's NVT ids: these locate problems in kernel sources and
/// overlays, the compiler's locate problems in rule files.
/// </summary>
internal sealed record KernelDiagnosticId(string Code, string Title)
{
    // Reading files
    public static readonly KernelDiagnosticId MissingFile = new("NVTK001", "A kernel file the import needs is missing");
    public static readonly KernelDiagnosticId UnreadableFile = new("NVTK002", "A file is not a regular file, is too large, or cannot be read");

    // Preprocessor
    public static readonly KernelDiagnosticId BadDirective = new("NVTK010", "Malformed or unbalanced preprocessor directive");
    public static readonly KernelDiagnosticId ErrorDirective = new("NVTK011", "#error in an active region");
    public static readonly KernelDiagnosticId BadMacroCall = new("NVTK012", "Malformed macro invocation");
    public static readonly KernelDiagnosticId BadPaste = new("NVTK013", "Token pasting does not make one token");
    public static readonly KernelDiagnosticId BadDefine = new("NVTK014", "Malformed --define");
    public static readonly KernelDiagnosticId ExpansionTooLarge = new("NVTK015", "Macro expansion exceeds the import's limit");
    public static readonly KernelDiagnosticId NestingTooDeep = new("NVTK016", "Nesting exceeds the import's limit");

    // Constant expressions
    public static readonly KernelDiagnosticId UnresolvedSymbol = new("NVTK020", "Symbol cannot be resolved to a constant");
    public static readonly KernelDiagnosticId BadExpression = new("NVTK021", "Not an integer constant expression");

    // The sysreg file
    public static readonly KernelDiagnosticId BadSysregLine = new("NVTK030", "Malformed line in the sysreg file");

    // C declarations and the trap tables
    public static readonly KernelDiagnosticId BadDeclaration = new("NVTK040", "C declaration the importer cannot parse");
    public static readonly KernelDiagnosticId MissingTable = new("NVTK041", "A trap table or enum is missing");
    public static readonly KernelDiagnosticId BadTableEntry = new("NVTK042", "Trap table entry the importer cannot read");
    public static readonly KernelDiagnosticId UnknownRegister = new("NVTK043", "Register is not a vcpu_sysreg");
    public static readonly KernelDiagnosticId UnknownGroup = new("NVTK044", "Value is not a group id of the enum");
    public static readonly KernelDiagnosticId UnnamedBit = new("NVTK045", "Fine-grained bit has no field name");

    // Overlay
    public static readonly KernelDiagnosticId OverlaySyntax = new("NVTK050", "Overlay YAML is malformed");
    public static readonly KernelDiagnosticId MissingCondition = new("NVTK051", "Condition function has no overlay entry");
    public static readonly KernelDiagnosticId UnusedOverlayEntry = new("NVTK052", "Overlay entry matches nothing in the kernel");
}
