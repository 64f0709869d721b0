namespace NvTrap.Kernel.Import;

/// <summary>
/// How the import reads one file (a kernel file or the overlay): its text, or null with
/// <paramref name="problem"/> saying why not. The caller decides what may be opened; the tool
/// passes its reader of regular files only, which counts bytes as it reads, so a FIFO or a device
/// named as a kernel file is refused instead of blocking or never ending. The import asks for at
/// most <see cref="Diagnostics.KernelLimits.MaxFileBytes"/>.
/// </summary>
internal delegate string? KernelFileReader(string path, long maxBytes, out string? problem);
