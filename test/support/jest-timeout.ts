// Integration and workflow tests start servers and run real workflows: seconds, not milliseconds.
jest.setTimeout(180_000);
