namespace NvTrap.Properties.Tests.Generation;

/// <summary>The kinds of names a rule file defines, each with its own namespace.</summary>
internal enum NameKind
{
    Register,
    Field,
    Group,
    FineGrainedGroup,
    Filter,
    Parameter,
    SysReg,
}
