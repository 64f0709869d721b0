namespace NvTrap.Runtime.Tests.Encoding;

public class EncodingTests
{
    [Fact]
    public void Every_encoding_round_trips_through_fields_name_and_esr()
    {
        for (int value = 0; value <= ushort.MaxValue; value++)
        {
            var encoding = new SysRegEncoding((ushort)value);
            Assert.Equal(encoding, SysRegEncoding.Create(encoding.Op0, encoding.Op1, encoding.CRn, encoding.CRm, encoding.Op2));
            Assert.Equal(encoding, SysRegEncoding.Parse(encoding.ToString()));
            foreach (bool isRead in new[] { true, false })
            {
                var esr = Esr.ForSysRegAccess(encoding, isRead, rt: value % 32);
                Assert.True(esr.IsSysRegTrap);
                Assert.Equal(encoding, esr.Encoding);
                Assert.Equal(isRead, esr.IsRead);
                Assert.Equal(value % 32, esr.Rt);
                Assert.Equal((encoding.Op0, encoding.Op1, encoding.CRn, encoding.CRm, encoding.Op2), (esr.Op0, esr.Op1, esr.CRn, esr.CRm, esr.Op2));
            }
        }
    }

    [Fact]
    public void Every_encoding_round_trips_through_its_iss_key()
    {
        for (int value = 0; value <= ushort.MaxValue; value++)
        {
            var encoding = new SysRegEncoding((ushort)value);
            uint key = encoding.IssKey;
            Assert.Equal(0u, key & ~SysRegEncoding.IssKeyMask);
            Assert.Equal(encoding, SysRegEncoding.FromIssKey(key));

            // The key is the ESR's register bits: Rt, the direction, EC and IL do not change it.
            var esr = Esr.ForSysRegAccess(encoding, isRead: value % 2 == 0, rt: value % 32);
            Assert.Equal(key, esr.IssKey);
            Assert.Equal(encoding, SysRegEncoding.FromIssKey(key | 0x3E1 | (1u << 25)));
        }
    }

    [Fact]
    public void An_iss_key_places_each_field_where_the_iss_holds_it()
    {
        var encoding = SysRegEncoding.Create(op0: 3, op1: 5, crn: 12, crm: 9, op2: 6);
        var esr = new Esr(0x6200_0000UL | (3UL << 20) | (6UL << 17) | (5UL << 14) | (12UL << 10) | (17UL << 5) | (9UL << 1) | 1);
        Assert.Equal((uint)esr.Iss & ~0x3E1u, encoding.IssKey);
        Assert.Equal(encoding, esr.Encoding);
    }

    [Fact]
    public void Esr_fields_decode_a_known_value()
    {
        // MSR TTBR0_EL1, X3: EC 0x18, IL 1, Op0 3, Op2 0, Op1 0, CRn 2, Rt 3, CRm 0, write.
        var esr = new Esr(0x6230_0860);
        Assert.Equal(0x18u, esr.ExceptionClass);
        Assert.True(esr.InstructionLength32);
        Assert.Equal(0x300860u, esr.Iss);
        Assert.Equal(3, esr.Rt);
        Assert.False(esr.IsRead);
        Assert.Equal("S3_0_C2_C0_0", esr.Encoding.ToString());
        Assert.Equal(esr, Esr.ForSysRegAccess(SysRegEncoding.Parse("S3_0_C2_C0_0"), isRead: false, rt: 3));
    }

    [Theory]
    [InlineData("S3_0_C1_C0_0", 3, 0, 1, 0, 0)]
    [InlineData("s2_3_c0_c5_0", 2, 3, 0, 5, 0)]
    [InlineData("S0_7_C15_C15_7", 0, 7, 15, 15, 7)]
    public void Generic_names_parse(string text, int op0, int op1, int crn, int crm, int op2)
    {
        Assert.Equal(SysRegEncoding.Create(op0, op1, crn, crm, op2), SysRegEncoding.Parse(text));
    }

    [Theory]
    [InlineData("S4_0_C1_C0_0")]
    [InlineData("S3_8_C1_C0_0")]
    [InlineData("S3_0_C16_C0_0")]
    [InlineData("S3_0_C1_C16_0")]
    [InlineData("S3_0_C1_C0_8")]
    [InlineData("S3_0_1_C0_0")]
    [InlineData("SCTLR_EL1")]
    [InlineData("")]
    [InlineData("S3_0_C1_C0")]
    public void Malformed_or_out_of_range_names_are_rejected(string text)
    {
        Assert.False(SysRegEncoding.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SysRegEncoding.Parse(text));
    }

    [Fact]
    public void Create_rejects_out_of_range_fields()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SysRegEncoding.Create(4, 0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SysRegEncoding.Create(0, 0, 0, 16, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Esr.ForSysRegAccess(default, true, rt: 32));
    }

    [Fact]
    public void Non_sysreg_exception_classes_are_recognised()
    {
        var dataAbort = new Esr(0x24UL << 26);
        Assert.False(dataAbort.IsSysRegTrap);
        Assert.Equal(0x24u, dataAbort.ExceptionClass);
    }
}
