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

# enlace_link_closure(target out): every target `target` links, directly or through others.
function(enlace_link_closure target out)
    set(seen "")
    set(queue ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(NOT TARGET ${current})
            continue()
        endif()
        get_target_property(aliased ${current} ALIASED_TARGET)
        if(aliased)
            set(current ${aliased})
        endif()
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        get_target_property(type ${current} TYPE)
        set(libs "")
        if(NOT type STREQUAL "INTERFACE_LIBRARY")
            get_target_property(direct ${current} LINK_LIBRARIES)
            if(direct)
                list(APPEND libs ${direct})
            endif()
        endif()
        get_target_property(interface ${current} INTERFACE_LINK_LIBRARIES)
        if(interface)
            list(APPEND libs ${interface})
        endif()
        foreach(lib ${libs})
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
            if(lib MATCHES "^\\$<" OR lib MATCHES "^-")
                continue()
            endif()
            list(APPEND queue ${lib})
        endforeach()
    endwhile()
    set(${out} ${seen} PARENT_SCOPE)
endfunction()

# enlace_forbid_links(target FORBIDDEN libs...): configuring fails when target links any of libs,
# directly or through another library (the layering of docs/architecture.md, enforced).
function(enlace_forbid_links target)
    cmake_parse_arguments(ARG "" "" "FORBIDDEN" ${ARGN})
    enlace_link_closure(${target} closure)
    foreach(lib ${ARG_FORBIDDEN})
        if(TARGET ${lib})
            get_target_property(aliased ${lib} ALIASED_TARGET)
            if(aliased)
                set(lib ${aliased})
            endif()
        endif()
        if(lib IN_LIST closure)
            message(FATAL_ERROR "${target} must not link ${lib} (its closure: ${closure})")
        endif()
    endforeach()
endfunction()
