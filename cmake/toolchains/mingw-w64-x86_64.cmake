# Cross build for 64-bit Windows with Debian's MinGW-w64 (g++-mingw-w64-x86-64-posix: the posix thread model,
# so that std::thread and friends exist). Used with WSLATLAS_CORE_ONLY=ON by scripts/ci/mingw.sh:
#   cmake -S . -B build/mingw -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/mingw-w64-x86_64.cmake \
#         -DWSLATLAS_CORE_ONLY=ON -DWSLATLAS_GTEST_SOURCE_DIR=/usr/src/googletest
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(WSLATLAS_MINGW_TRIPLET x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${WSLATLAS_MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${WSLATLAS_MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${WSLATLAS_MINGW_TRIPLET}-windres)

# Libraries, headers and packages come from the MinGW sysroot only, programs (windres, ninja) from the host.
# nlohmann-json is the exception: it is header-only, so the build host's copy serves Windows as well. It cannot
# be found in /usr directly: its package config would put all of /usr/include (glibc's headers) on the MinGW
# include path. Instead the package (headers and its own CMake config, whose paths are relative) is copied
# into a small second root in the build folder, and only that root joins the search.
set(WSLATLAS_HOST_HEADER_ROOT ${CMAKE_BINARY_DIR}/mingw-host-headers)
get_property(wslatlas_in_try_compile GLOBAL PROPERTY IN_TRY_COMPILE)
if(NOT wslatlas_in_try_compile AND EXISTS /usr/include/nlohmann/json.hpp
   AND EXISTS /usr/share/cmake/nlohmann_json/nlohmann_jsonConfig.cmake)
    # file(COPY) keeps timestamps and skips files that are already the same.
    file(COPY /usr/include/nlohmann DESTINATION ${WSLATLAS_HOST_HEADER_ROOT}/include)
    file(COPY /usr/share/cmake/nlohmann_json DESTINATION ${WSLATLAS_HOST_HEADER_ROOT}/share/cmake)
endif()
set(CMAKE_FIND_ROOT_PATH /usr/${WSLATLAS_MINGW_TRIPLET} ${WSLATLAS_HOST_HEADER_ROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Static executables (libgcc, libstdc++ and winpthread inside): they run under wine or on Windows without any
# MinGW DLL next to them.
set(CMAKE_EXE_LINKER_FLAGS_INIT -static)
