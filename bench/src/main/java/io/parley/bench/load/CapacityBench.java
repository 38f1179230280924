package io.parley.bench.load;

public final class CapacityBench {
    private CapacityBench() {}

    public static void main(String[] args) {}
}
