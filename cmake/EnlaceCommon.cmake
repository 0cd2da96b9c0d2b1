# One INTERFACE target carries the language standard, the warnings and Qt's string hygiene.
# Every Enlace target links it; nothing is set directory-wide.
add_library(enlace_common INTERFACE)
target_compile_features(enlace_common INTERFACE cxx_std_20)
target_compile_options(enlace_common INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wnon-virtual-dtor>
    $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>)
target_compile_definitions(enlace_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    ENLACE_VERSION="${PROJECT_VERSION}")

if(ENLACE_SANITIZE)
    target_compile_options(enlace_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(enlace_common INTERFACE -fsanitize=address,undefined)
endif()

# enlace_add_library(name SOURCES ... [PUBLIC libs...] [PRIVATE libs...]): a STATIC part of core or
# ui with its sources listed. PUBLIC: what its headers need; PRIVATE: what only its sources use.
function(enlace_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
    qt_add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} PUBLIC enlace_common ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
endfunction()
