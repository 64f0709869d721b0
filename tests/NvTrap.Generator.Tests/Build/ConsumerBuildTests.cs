using NvTrap.Generator.Tests.Generator;
using NvTrap.Generator.Tests.Infrastructure;
using NvTrap.Testing;

namespace NvTrap.Generator.Tests.Build;

/// <summary>
/// A consumer project built by the real <c>dotnet build</c>: a broken rule file must fail the build
/// with a located NVT error line and no CS diagnostic, and the fixed file must build.
/// </summary>
[Collection(RealBuildCollection.Name)]
public class ConsumerBuildTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nvtrap-consumer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_broken_rule_file_fails_dotnet_build_with_a_located_error_and_the_fixed_one_builds()
    {
        string root = NvTrap.Testing.RepositoryPaths.Root;
        Directory.CreateDirectory(Path.Combine(_directory, "rules"));
        File.WriteAllText(Path.Combine(_directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(root, "src", "NvTrap.Runtime", "NvTrap.Runtime.csproj")}" />
                <ProjectReference Include="{Path.Combine(root, "src", "NvTrap.Generator", "NvTrap.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <AdditionalFiles Include="rules/*.nvtrap.yaml" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_directory, "Traps.cs"), """
            namespace Consumer;

            [NvTrap.NvTrapRuleset("t")]
            public static partial class Traps
            {
                public static bool Forwards(ulong r) =>
                    Decide(new State { HasNestedVirtualization = true, CurrentEl = NvTrap.ExceptionLevel.El1, R = r },
                           NvTrap.Esr.ForSysRegAccess(NvTrap.SysRegEncoding.Parse("S3_0_C1_C0_0"), isRead: false)).Forward;
            }
            """);
        string rule = Path.Combine(_directory, "rules", "broken.nvtrap.yaml");
        string broken = GeneratorTests.SnapshotRules.Replace("{ group: M1, sysreg", "{ group: M9, sysreg");
        File.WriteAllText(rule, broken);
        int line = Array.FindIndex(broken.Split('\n'), l => l.Contains("group: M9")) + 1;

        var (exitCode, output) = DotnetCli.Run(_directory, TimeSpan.FromMinutes(5), "build", "-c", DotnetCli.Configuration, "-v:minimal", "-nologo");
        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{rule}({line},14): error NVT012: Trap names group 'M9', which is not defined. Did you mean 'M1'?", output);
        // The rule error and nothing else: the stand-in keeps Decide, State and R declared, so the
        // consumer's own code has no CS error far from the cause.
        Assert.DoesNotContain(": error CS", output);
        Assert.DoesNotContain(": warning CS", output);

        File.WriteAllText(rule, GeneratorTests.SnapshotRules);
        (exitCode, output) = DotnetCli.Run(_directory, TimeSpan.FromMinutes(5), "build", "-c", DotnetCli.Configuration, "-v:minimal", "-nologo");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("NVT", output);
        Assert.DoesNotContain("CS8785", output);
    }
}
