// The slice of ATen the kernel sources need (tensors, checks, empty, parallel_for): torch/extension.h
// takes ~38 s to compile per file, this ~4 s, and only module.cpp needs the Python bindings.
#pragma once

#include <ATen/Parallel.h>
#include <ATen/core/Tensor.h>
#include <ATen/ops/empty.h>
#include <c10/util/Exception.h>
#include <c10/util/Optional.h>
