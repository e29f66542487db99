using Microsoft.VisualStudio.TestTools.UnitTesting;

// Snippet tests are independent; the one build integration test is the slow one.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel, Workers = 2)]
