using System;

namespace NvTrap.Fuzz;

/// <summary>
/// A broken promise found by a fuzz target, such as an internal compiler error or a diagnostic
/// outside its file, as opposed to an exception escaping the product. afl counts both as crashes.
/// </summary>
internal sealed class FuzzFailure : Exception
{
    public FuzzFailure(string message, Exception? cause = null)
        : base(message, cause)
    {
    }
}
