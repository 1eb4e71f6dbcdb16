#pragma once
// Whether this process runs elevated (administrator): the VM root vantage (wsl --debug-shell) and
// hnsdiag need it. Windows only; false everywhere else.

namespace wslatlas {

bool isProcessElevated();

} // namespace wslatlas
