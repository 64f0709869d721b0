using CsCheck;

namespace NvTrap.Properties.Tests.Generation;

/// <summary>
/// A CsCheck generator written as a procedure over <see cref="Draw"/>: rule documents are full of
/// choices that depend on earlier ones (a control names a register drawn before it, a bit must
/// not be reserved in that register), which reads far more plainly as code than as nested
/// SelectMany. CsCheck still owns the seeds, the sampling and the shrinking.
/// </summary>
internal sealed class DrawGen<T> : Gen<T>
{
    private readonly Func<Draw, T> _create;

    public DrawGen(Func<Draw, T> create) => _create = create;

    public override T Generate(PCG pcg, Size? min, out Size size)
    {
        var draw = new Draw(pcg);
        var value = _create(draw);
        size = new Size(draw.Size);
        return value;
    }
}
