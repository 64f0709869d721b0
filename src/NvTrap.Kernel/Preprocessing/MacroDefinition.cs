using System.Collections.Generic;
using NvTrap.Kernel.Diagnostics;

namespace NvTrap.Kernel.Preprocessing;

/// <summary>A #define: object-like, or function-like with parameters (the last one variadic when <see cref="Variadic"/>).</summary>
internal sealed record MacroDefinition(
    string Name,
    bool FunctionLike,
    IReadOnlyList<string> Parameters,
    bool Variadic,
    IReadOnlyList<Token> Body,
    SourceLocation Location);
