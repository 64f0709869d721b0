namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>One rule file as check and the generator receive it.</summary>
internal sealed record RuleFile(string Path, string Text);
