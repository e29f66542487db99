// Compile-only stub: nanoFramework.Runtime.Native 1.7.11 (GC). Signatures copied from
// nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/GC.cs; see README.md.
#pragma warning disable CS1591 // stubs mirror signatures; the real packages carry the documentation
using NanoSnn.FirmwareCheck.Stubs;

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) { throw new StubException(); }
        public static void EnableGCMessages(bool enable) { throw new StubException(); }
    }
}
