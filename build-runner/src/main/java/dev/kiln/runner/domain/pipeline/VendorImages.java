package dev.kiln.runner.domain.pipeline;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flatcar's vendor images (reference 2.1): the names a build may ask for (the {@code vms.sh} formats plus
 * the {@code vendor-testing/*.sh} names), which formats {@code vms.sh} builds for each, and which exist on
 * arm64.
 */
public final class VendorImages {

    /** {@code VALID_IMG_TYPES} of {@code build_library/vm_image_util.sh}. */
    public static final Set<String> FORMATS = Set.of("akamai", "ami", "ami_vmdk", "azure", "cloudsigma", "cloudstack",
            "cloudstack_vhd", "digitalocean", "exoscale", "gce", "hetzner", "hyperv", "hyperv_vhdx", "iso", "kubevirt",
            "openstack", "openstack_mini", "oraclecloud", "parallels", "proxmoxve", "pxe", "qemu_uefi", "scaleway",
            "stackit", "vagrant", "vagrant_parallels", "virtualbox", "vmware", "vmware_ova", "vmware_raw", "xen",
            "nutanix");

    /** The vendors with a {@code ci-automation/vendor-testing/<vendor>.sh} script. */
    public static final Set<String> TESTED = Set.of("akamai", "aws", "azure", "brightbox", "digitalocean", "gce",
            "hetzner", "openstack", "qemu", "qemu_uefi", "qemu_uefi_secure", "qemu_update", "stackit", "vmware");

    /** Vendors whose tests boot the generic image: {@code vms.sh} builds nothing for them. */
    public static final Set<String> GENERIC_IMAGE = Set.of("qemu", "qemu_uefi_secure", "qemu_update");

    private static final Set<String> ARM64 = Set.of("akamai", "ami", "ami_vmdk", "aws", "azure", "hetzner", "iso",
            "kubevirt", "openstack", "openstack_mini", "oraclecloud", "proxmoxve", "pxe", "qemu", "qemu_uefi",
            "qemu_update", "scaleway", "stackit");

    private VendorImages() {
    }

    /** Every name a build request may list as a vendor. */
    public static Set<String> known() {
        Set<String> all = new TreeSet<>(FORMATS);
        all.addAll(TESTED);
        return all;
    }

    public static boolean isKnown(String vendor) {
        return FORMATS.contains(vendor) || TESTED.contains(vendor);
    }

    /** True when Flatcar builds (and tests) {@code vendor} images for {@code arch}. */
    public static boolean supports(String vendor, String arch) {
        return "amd64".equals(arch) || ("arm64".equals(arch) && ARM64.contains(vendor));
    }

    /**
     * The formats {@code vm_build <arch> <formats...>} gets for {@code vendor}, following {@code vms.sh}:
     * {@code vmware*} -> vmware vmware_ova vmware_raw, {@code ami*}/{@code aws*} -> ami ami_vmdk, brightbox
     * reuses the openstack image, and the generic-image vendors get none.
     */
    public static List<String> formats(String vendor) {
        if (GENERIC_IMAGE.contains(vendor)) {
            return List.of();
        }
        if (vendor.startsWith("vmware")) {
            return List.of("vmware", "vmware_ova", "vmware_raw");
        }
        if (vendor.startsWith("ami") || vendor.startsWith("aws")) {
            return List.of("ami", "ami_vmdk");
        }
        if ("brightbox".equals(vendor)) {
            return List.of("openstack");
        }
        return FORMATS.contains(vendor) ? List.of(vendor) : List.of();
    }
}
